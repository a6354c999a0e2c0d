// Date in UTC: construction, components, setters with overflow, strings, parsing, inspection, JSON, arithmetic.
const d = new Date(Date.UTC(2024, 1, 29, 13, 5, 9, 7));
console.log(d.getTime(), d.valueOf(), +d, d.getFullYear(), d.getMonth(), d.getDate(), d.getDay(), d.getHours(), d.getMinutes(), d.getSeconds(), d.getMilliseconds());
console.log(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCDay(), d.getUTCHours(), d.getTimezoneOffset());
console.log(d.toString());
console.log(d.toDateString(), '|', d.toTimeString(), '|', d.toUTCString(), '|', d.toISOString(), '|', d.toJSON());
console.log(d.toLocaleString(), '|', d.toLocaleDateString(), '|', d.toLocaleTimeString());
console.log(d, [d], { d }, JSON.stringify({ d }), String(d), `${d}`);
console.log(d + 1, d.getTime() - new Date(0).getTime(), typeof (d as any - 1), new Date(0) < d);
console.log(new Date(0), new Date(-1), new Date(-62198755200000), new Date(8.64e15), new Date(-8.64e15), new Date(8.64e15 + 1), new Date(NaN));
console.log(new Date(NaN).getTime(), String(new Date(NaN)), new Date(NaN).getFullYear(), JSON.stringify(new Date(NaN)));
console.log(new Date(2020, 0), new Date(99, 1, 1), new Date(2020, 13, 35, 25, 61, 61, 1001), new Date(2021, -1, 0), new Date(0, 0, 1, 0, 0, 0, -1));
console.log(Date.UTC(2000), Date.UTC(2000, 5), Date.UTC(1970, 0, 1, 0, 0, 0, 1.9), Date.UTC(), Date.UTC(275760, 8, 13), Date.UTC(275760, 8, 13, 0, 0, 0, 1));
const e = new Date(0);
console.log(e.setFullYear(2001), e.setMonth(13), e.setDate(0), e.setHours(48, 30), e.setMinutes(-1), e.setSeconds(3600), e.setMilliseconds(1500), e);
console.log(e.setUTCFullYear(1999, 11, 31), e.setUTCHours(23, 59, 59, 999), e.setTime(86400000), e.setTime(NaN), e.setMonth(1), e.setFullYear(2010), e);
for (const s of ['2024-02-29', '2024-02', '2024', '2024-02-29T13:05', '2024-02-29T13:05:09.007+02:00', '2024-02-29T13:05:09Z', '2024-02-29T24:00:00Z',
  '+012345-01-01T00:00:00Z', '-000001-06-15T00:00:00Z', '2024-02-30', '2024-13-01', 'Thu, 29 Feb 2024 13:05:09 GMT', 'Thu Feb 29 2024 13:05:09 GMT+0000 (Coordinated Universal Time)',
  'Feb 29, 2024', 'February 29, 2024 10:00:00', '29 Feb 2024', '2024/02/29', '2/29/2024', 'x', '', '2024-02-29T13:05:09.1234Z']) {
  console.log(JSON.stringify(s), Date.parse(s), new Date(s).getTime());
}
console.log(new Date(d).getTime() === d.getTime(), new Date(d.toString()).getTime(), new Date(d.toUTCString()).getTime(), new Date(d.toISOString()).getTime());
console.log(typeof Date(), Date().length > 20, Date.now() > 1.6e12, new Date().getTime() > 1.6e12, Object.prototype.toString.call(d));
class Stamp extends Date {
  label(): string { return 'stamp ' + this.toISOString(); }
}
const st = new Stamp(0);
console.log(st.label(), st instanceof Date, st);
try { new Date(NaN).toISOString(); } catch (err) { console.log((err as Error).name, (err as Error).message); }
try { Date.prototype.getTime.call({}); } catch (err) { console.log((err as Error).name, (err as Error).message); }
