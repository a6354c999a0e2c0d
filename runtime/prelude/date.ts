// Date: the time value (ms since the epoch, UTC) with ECMA-262's day/time arithmetic, the
// string forms Node prints, and a parser for the ISO format and the forms Date's own
// strings take. Local time is UTC (the kernel sets no time zone): getTimezoneOffset() is
// 0 and toString() says "GMT+0000 (Coordinated Universal Time)", as Node does with TZ=UTC.

import {
  GLOBAL$, SymbolToPrimitive, SymbolToStringTag, hidden, isObject, linkConstructor, setName, toIntegerOrInfinity, toNum,
  toPrimitive, toStr,
} from './core.ts';

const msPerDay = 86400000;
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const ZONE = ' GMT+0000 (Coordinated Universal Time)';

const floor = (x: number): number => __native.mathFloor(x);

function isFinite(x: number): boolean {
  return x === x && x !== Infinity && x !== -Infinity;
}

// ---- ECMA-262 21.4.1: time values -------------------------------------------------------------

function day(t: number): number {
  return floor(t / msPerDay);
}
function timeWithinDay(t: number): number {
  const r = t % msPerDay;
  return r < 0 ? r + msPerDay : r;
}
function daysInYear(y: number): number {
  if (y % 4 !== 0) return 365;
  if (y % 100 !== 0) return 366;
  if (y % 400 !== 0) return 365;
  return 366;
}
function dayFromYear(y: number): number {
  return 365 * (y - 1970) + floor((y - 1969) / 4) - floor((y - 1901) / 100) + floor((y - 1601) / 400);
}
function yearFromTime(t: number): number {
  let y = floor(t / (msPerDay * 365.2425)) + 1970;
  while (dayFromYear(y) * msPerDay > t) y--;
  while (dayFromYear(y + 1) * msPerDay <= t) y++;
  return y;
}
function inLeapYear(t: number): number {
  return daysInYear(yearFromTime(t)) === 366 ? 1 : 0;
}
function dayWithinYear(t: number): number {
  return day(t) - dayFromYear(yearFromTime(t));
}
/** First day (within the year) of each month, non-leap. */
const MONTH_START = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];
function monthStart(m: number, leap: number): number {
  return MONTH_START[m] + (m >= 2 ? leap : 0);
}
function monthFromTime(t: number): number {
  const d = dayWithinYear(t), leap = inLeapYear(t);
  let m = 0;
  while (m < 11 && d >= monthStart(m + 1, leap)) m++;
  return m;
}
function dateFromTime(t: number): number {
  return dayWithinYear(t) - monthStart(monthFromTime(t), inLeapYear(t)) + 1;
}
function weekDay(t: number): number {
  const r = (day(t) + 4) % 7;
  return r < 0 ? r + 7 : r;
}
function hourFromTime(t: number): number {
  return floor(timeWithinDay(t) / 3600000);
}
function minFromTime(t: number): number {
  return floor(timeWithinDay(t) / 60000) % 60;
}
function secFromTime(t: number): number {
  return floor(timeWithinDay(t) / 1000) % 60;
}
function msFromTime(t: number): number {
  return timeWithinDay(t) % 1000;
}
function trunc(x: number): number {
  return __native.mathTrunc(x) + 0;
}
function makeTime(h: number, m: number, s: number, ms: number): number {
  if (!isFinite(h) || !isFinite(m) || !isFinite(s) || !isFinite(ms)) return NaN;
  return trunc(h) * 3600000 + trunc(m) * 60000 + trunc(s) * 1000 + trunc(ms);
}
function makeDay(year: number, month: number, date: number): number {
  if (!isFinite(year) || !isFinite(month) || !isFinite(date)) return NaN;
  const y = trunc(year), m = trunc(month), dt = trunc(date);
  const ym = y + floor(m / 12);
  if (ym < -400000 || ym > 400000) return NaN;
  const mn = ((m % 12) + 12) % 12;
  const leap = daysInYear(ym) === 366 ? 1 : 0;
  return dayFromYear(ym) + monthStart(mn, leap) + dt - 1;
}
function makeDate(d: number, t: number): number {
  if (!isFinite(d) || !isFinite(t)) return NaN;
  const tv = d * msPerDay + t;
  return isFinite(tv) ? tv : NaN;
}
function timeClip(t: number): number {
  if (!isFinite(t) || (t < 0 ? -t : t) > 8.64e15) return NaN;
  return trunc(t);
}

// ---- formatting ------------------------------------------------------------------------------------

function pad(n: number, width: number): string {
  let s = toStr(n);
  while (s.length < width) s = '0' + s;
  return s;
}
function yearString(y: number): string {
  return y < 0 ? '-' + pad(-y, 4) : pad(y, 4);
}
function datePart(t: number): string {
  return DAYS[weekDay(t)] + ' ' + MONTHS[monthFromTime(t)] + ' ' + pad(dateFromTime(t), 2) + ' ' + yearString(yearFromTime(t));
}
function timePart(t: number): string {
  return pad(hourFromTime(t), 2) + ':' + pad(minFromTime(t), 2) + ':' + pad(secFromTime(t), 2);
}
function isoString(t: number): string {
  const y = yearFromTime(t);
  const ys = y >= 0 && y <= 9999 ? pad(y, 4) : (y < 0 ? '-' : '+') + pad(y < 0 ? -y : y, 6);
  return ys + '-' + pad(monthFromTime(t) + 1, 2) + '-' + pad(dateFromTime(t), 2) + 'T' + timePart(t) + '.' + pad(msFromTime(t), 3) + 'Z';
}
function utcString(t: number): string {
  return DAYS[weekDay(t)] + ', ' + pad(dateFromTime(t), 2) + ' ' + MONTHS[monthFromTime(t)] + ' ' + yearString(yearFromTime(t)) + ' ' + timePart(t) + ' GMT';
}
/** en-US as Node's ICU prints it: "2/29/2024" and "1:05:09 PM". */
function localeDate(t: number): string {
  return toStr(monthFromTime(t) + 1) + '/' + toStr(dateFromTime(t)) + '/' + toStr(yearFromTime(t));
}
function localeTime(t: number): string {
  const h = hourFromTime(t);
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return toStr(h12) + ':' + pad(minFromTime(t), 2) + ':' + pad(secFromTime(t), 2) + (h < 12 ? ' AM' : ' PM');
}

// ---- parsing ---------------------------------------------------------------------------------------------

/** Parses digits at s[i..i+n) (exactly n of them); -1 if not digits. */
function digitsAt(s: string, i: number, n: number): number {
  if (i + n > s.length) return -1;
  let v = 0;
  for (let k = 0; k < n; k++) {
    const c = s.charCodeAt(i + k);
    if (c < 48 || c > 57) return -1;
    v = v * 10 + (c - 48);
  }
  return v;
}

/** The ISO 8601 subset of ECMA-262 21.4.1.32 (date-only forms are UTC, date-time forms without an offset local = UTC). */
function parseIso(s: string): number {
  let i = 0, year: number;
  const c0 = s.charCodeAt(0);
  if (c0 === 43 || c0 === 45) {
    year = digitsAt(s, 1, 6);
    if (year < 0 || (c0 === 45 && year === 0)) return NaN;
    if (c0 === 45) year = -year;
    i = 7;
  } else {
    year = digitsAt(s, 0, 4);
    if (year < 0) return NaN;
    i = 4;
  }
  let month = 1, dayOfMonth = 1, h = 0, m = 0, sec = 0, ms = 0, offset = 0;
  if (s.charCodeAt(i) === 45) {
    month = digitsAt(s, i + 1, 2);
    if (month < 1 || month > 12) return NaN;
    i += 3;
    if (s.charCodeAt(i) === 45) {
      dayOfMonth = digitsAt(s, i + 1, 2);
      if (dayOfMonth < 1 || dayOfMonth > 31) return NaN;
      i += 3;
    }
  }
  if (i < s.length && (s.charCodeAt(i) === 84 || s.charCodeAt(i) === 116 || s.charCodeAt(i) === 32)) {
    h = digitsAt(s, i + 1, 2);
    if (h < 0 || s.charCodeAt(i + 3) !== 58) return NaN;
    m = digitsAt(s, i + 4, 2);
    if (m < 0) return NaN;
    i += 6;
    if (s.charCodeAt(i) === 58) {
      sec = digitsAt(s, i + 1, 2);
      if (sec < 0) return NaN;
      i += 3;
      if (s.charCodeAt(i) === 46 || s.charCodeAt(i) === 44) {
        i++;
        let scale = 100, any = false;
        while (i < s.length) {
          const c = s.charCodeAt(i);
          if (c < 48 || c > 57) break;
          ms += (c - 48) * scale;
          scale /= 10;
          any = true;
          i++;
        }
        if (!any) return NaN;
        ms = floor(ms);
      }
    }
    if (h > 24 || m > 59 || sec > 59 || (h === 24 && (m > 0 || sec > 0 || ms > 0))) return NaN;
    if (i < s.length) {
      const c = s.charCodeAt(i);
      if (c === 90 || c === 122) i++;
      else if (c === 43 || c === 45) {
        const oh = digitsAt(s, i + 1, 2);
        let om = 0;
        if (oh < 0) return NaN;
        if (s.charCodeAt(i + 3) === 58) {
          om = digitsAt(s, i + 4, 2);
          i += 6;
        } else {
          om = digitsAt(s, i + 3, 2);
          i += 5;
        }
        if (om < 0 || oh > 23 || om > 59) return NaN;
        offset = (c === 43 ? 1 : -1) * (oh * 60 + om);
      } else return NaN;
    }
  }
  if (i !== s.length) return NaN;
  return timeClip(makeDate(makeDay(year, month - 1, dayOfMonth), makeTime(h, m, sec, ms)) - offset * 60000);
}

function monthIndex(word: string): number {
  if (word.length < 3) return -1;
  const w = __native.stringSlice(word, 0, 3);
  for (let i = 0; i < 12; i++) {
    const m = MONTHS[i];
    if ((w.charCodeAt(0) | 32) === (m.charCodeAt(0) | 32) && (w.charCodeAt(1) | 32) === m.charCodeAt(1) && (w.charCodeAt(2) | 32) === m.charCodeAt(2)) return i;
  }
  return -1;
}

/**
 * The other forms V8 reads, token by token: a month name anywhere ("Feb 29 2024",
 * "29 Feb 2024", "Thu, 29 Feb 2024 13:05:09 GMT"), numeric "2024/02/29" and "2/29/2024",
 * a time "hh:mm[:ss]" with optional AM/PM, and "GMT"/"UTC"/"Z" with an optional +hhmm.
 * Weekday names and parenthesized comments are ignored. Anything else: NaN.
 */
function parseLegacy(s: string): number {
  const nums: number[] = [];
  let month = -1, h = 0, m = 0, sec = 0, offset = 0, pm = -1, i = 0, slashDate = false;
  const n = s.length;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c === 40) { // (comment)
      while (i < n && s.charCodeAt(i) !== 41) i++;
      i++;
      continue;
    }
    if (c >= 48 && c <= 57) {
      let j = i, v = 0;
      while (j < n && s.charCodeAt(j) >= 48 && s.charCodeAt(j) <= 57) v = v * 10 + (s.charCodeAt(j++) - 48);
      if (s.charCodeAt(j) === 58) { // a time
        h = v;
        m = digitsAt(s, j + 1, 2);
        if (m < 0) return NaN;
        j += 3;
        if (s.charCodeAt(j) === 58) {
          sec = digitsAt(s, j + 1, 2);
          if (sec < 0) return NaN;
          j += 3;
        }
      } else if (s.charCodeAt(j) === 47) { // a/b/c
        const parts = [v];
        while (s.charCodeAt(j) === 47) {
          let k = j + 1, w = 0;
          if (k >= n || s.charCodeAt(k) < 48 || s.charCodeAt(k) > 57) return NaN;
          while (k < n && s.charCodeAt(k) >= 48 && s.charCodeAt(k) <= 57) w = w * 10 + (s.charCodeAt(k++) - 48);
          parts.push(w);
          j = k;
        }
        if (parts.length !== 3) return NaN;
        slashDate = true;
        if (parts[0] > 31) { nums.push(parts[0]); month = parts[1] - 1; nums.push(parts[2]); }
        else { month = parts[0] - 1; nums.push(parts[1]); nums.push(parts[2]); }
      } else nums.push(v);
      i = j;
      continue;
    }
    if ((c | 32) >= 97 && (c | 32) <= 122) {
      let j = i;
      while (j < n && ((s.charCodeAt(j) | 32) >= 97 && (s.charCodeAt(j) | 32) <= 122)) j++;
      const word = __native.stringSlice(s, i, j);
      const lw = toStr(word.toLowerCase());
      if (lw === 'am' || lw === 'pm') pm = lw === 'pm' ? 1 : 0;
      else if (lw === 'gmt' || lw === 'utc' || lw === 'z' || lw === 'ut') {
        const sc = s.charCodeAt(j);
        if (sc === 43 || sc === 45) {
          const hh = digitsAt(s, j + 1, 2);
          let mm = digitsAt(s, j + 3, 2);
          let len = 5;
          if (s.charCodeAt(j + 3) === 58) { mm = digitsAt(s, j + 4, 2); len = 6; }
          if (hh < 0 || mm < 0) return NaN;
          offset = (sc === 43 ? 1 : -1) * (hh * 60 + mm);
          j += len;
        }
      } else if (monthIndex(lw) >= 0 && month < 0) month = monthIndex(lw);
      else if (!(lw.length >= 3 && isDayName(lw))) return NaN;
      i = j;
      continue;
    }
    if (c === 32 || c === 44 || c === 9 || c === 46 || c === 45) {
      i++;
      continue;
    }
    return NaN;
  }
  if (month < 0 || nums.length !== 2) return NaN;
  let dayOfMonth: number, year: number;
  if (slashDate) {
    dayOfMonth = nums[0] > 31 ? nums[1] : nums[0];
    year = nums[0] > 31 ? nums[0] : nums[1];
  } else if (nums[0] > 31) {
    year = nums[0];
    dayOfMonth = nums[1];
  } else {
    dayOfMonth = nums[0];
    year = nums[1];
  }
  if (year < 50) year += 2000;
  else if (year < 100) year += 1900;
  if (pm === 1 && h < 12) h += 12;
  if (pm === 0 && h === 12) h = 0;
  if (dayOfMonth < 1 || dayOfMonth > 31 || h > 24 || m > 59 || sec > 59) return NaN;
  return timeClip(makeDate(makeDay(year, month, dayOfMonth), makeTime(h, m, sec, 0)) - offset * 60000);
}

function isDayName(w: string): boolean {
  const a = __native.stringSlice(w, 0, 3);
  for (let i = 0; i < 7; i++) if (toStr(DAYS[i].toLowerCase()) === a) return true;
  return false;
}

function parseDate(s: string): number {
  const iso = parseIso(s);
  if (iso === iso) return iso;
  return parseLegacy(s);
}

// ---- Date ----------------------------------------------------------------------------------------------

/** The objects: instances of a class with the time value in a private field (a brand check for every method). */
const DateImpl = class {
  #t: number;
  constructor(t: number) {
    this.#t = t;
  }
  static timeOf(d: any, method: string): number {
    if (!isObject(d) || !(#t in d)) throw new GLOBAL$.TypeError('this is not a Date object.');
    void method;
    return d.#t;
  }
  static setTime(d: any, t: number): number {
    d.#t = t;
    return t;
  }
  static isDate(d: any): boolean {
    return isObject(d) && #t in d;
  }
};
const timeOf: (d: any, m: string) => number = (DateImpl as any).timeOf;
const setTimeValue: (d: any, t: number) => number = (DateImpl as any).setTime;
export const isDate: (d: any) => boolean = (DateImpl as any).isDate;
__native.deleteProperty(DateImpl, 'timeOf');
__native.deleteProperty(DateImpl, 'setTime');
__native.deleteProperty(DateImpl, 'isDate');
const DatePrototype: any = DateImpl.prototype;

function now(): number {
  return floor(__native.wallClockNow());
}

const DateC: any = function Date(this: any, ...args: any[]): any {
  if (new.target === undefined) return toDateString(now());
  let tv: number;
  if (args.length === 0) tv = now();
  else if (args.length === 1) {
    const v = args[0];
    if (isDate(v)) tv = timeOf(v, 'Date');
    else {
      const p = toPrimitive(v, 'default');
      tv = typeof p === 'string' ? parseDate(p) : timeClip(toNum(p));
    }
  } else tv = timeClip(fromComponents(args));
  const d: any = new DateImpl(tv);
  if (new.target !== DateC) {
    const proto = new.target.prototype;
    if (isObject(proto)) __native.setPrototypeOf(d, proto);
  }
  return d;
};
linkConstructor(DateC, DatePrototype, 'Date');
__native.defineProperty(DateC, 'length', 7, 4);
hidden(GLOBAL$, 'Date', DateC);

/** MakeDate of (year, month[, date, hours, minutes, seconds, ms]) with years 0-99 meaning 1900-1999. */
function fromComponents(a: any[]): number {
  const y = toNum(a[0]);
  const mo = toNum(a[1]);
  const dt = a.length > 2 ? toNum(a[2]) : 1;
  const h = a.length > 3 ? toNum(a[3]) : 0;
  const mi = a.length > 4 ? toNum(a[4]) : 0;
  const s = a.length > 5 ? toNum(a[5]) : 0;
  const ms = a.length > 6 ? toNum(a[6]) : 0;
  let yr = y;
  if (y === y) {
    const iy = trunc(y);
    if (iy >= 0 && iy <= 99) yr = 1900 + iy;
  }
  return makeDate(makeDay(yr, mo, dt), makeTime(h, mi, s, ms));
}

function toDateString(t: number): string {
  if (t !== t) return 'Invalid Date';
  return datePart(t) + ' ' + timePart(t) + ZONE;
}

__native.installMethods(DateC, {
  now(): number {
    return now();
  },
  parse(s: any): number {
    return parseDate(toStr(s));
  },
  UTC(...a: any[]): number {
    return timeClip(fromComponents(a.length === 0 ? [NaN] : a.length === 1 ? [a[0], 0] : a));
  },
});
__native.defineProperty(DateC.UTC, 'length', 7, 4);

type Getter = (t: number) => number;
// The names are constants (interned when the program loads), not 'get' + name made and
// interned at start-up: the start-up runs these loops in every program.
const getterNames = [
  'getFullYear', 'getUTCFullYear', 'getMonth', 'getUTCMonth', 'getDate', 'getUTCDate', 'getDay', 'getUTCDay',
  'getHours', 'getUTCHours', 'getMinutes', 'getUTCMinutes', 'getSeconds', 'getUTCSeconds',
  'getMilliseconds', 'getUTCMilliseconds',
];
const getterFns: Getter[] = [yearFromTime, monthFromTime, dateFromTime, weekDay, hourFromTime, minFromTime, secFromTime, msFromTime];
for (let i = 0; i < 16; i++) {
  const name = getterNames[i], f = getterFns[i >> 1];
  const g = function (this: any): number {
    const t = timeOf(this, name);
    return t !== t ? NaN : f(t);
  };
  __native.defineProperty(g, 'name', name, 4);
  __native.defineProperty(g, 'length', 0, 4);
  __native.defineProperty(DatePrototype, name, g, 6);
}

/** The setters: which component the first argument replaces, how many may follow. */
function setComponents(d: any, which: number, a: any[], method: string): number {
  const t = timeOf(d, method);
  const n: number[] = [];
  for (let i = 0; i < a.length; i++) n[i] = toNum(a[i]);
  if (a.length === 0) n[0] = NaN;
  if (t !== t && which !== 0) return NaN;
  const base = t !== t ? 0 : t;
  let y = yearFromTime(base), mo = monthFromTime(base), dt = dateFromTime(base);
  let h = hourFromTime(base), mi = minFromTime(base), s = secFromTime(base), ms = msFromTime(base);
  const arg = (k: number, dflt: number): number => (k < a.length || (k === 0)) ? n[k] : dflt;
  if (which === 0) { y = arg(0, y); mo = arg(1, mo); dt = arg(2, dt); }
  else if (which === 1) { mo = arg(0, mo); dt = arg(1, dt); }
  else if (which === 2) dt = arg(0, dt);
  else if (which === 3) { h = arg(0, h); mi = arg(1, mi); s = arg(2, s); ms = arg(3, ms); }
  else if (which === 4) { mi = arg(0, mi); s = arg(1, s); ms = arg(2, ms); }
  else if (which === 5) { s = arg(0, s); ms = arg(1, ms); }
  else ms = arg(0, ms);
  return setTimeValue(d, timeClip(makeDate(makeDay(y, mo, dt), makeTime(h, mi, s, ms))));
}
const setterNames = [
  'setFullYear', 'setUTCFullYear', 'setMonth', 'setUTCMonth', 'setDate', 'setUTCDate', 'setHours', 'setUTCHours',
  'setMinutes', 'setUTCMinutes', 'setSeconds', 'setUTCSeconds', 'setMilliseconds', 'setUTCMilliseconds',
];
const setterLengths = [3, 2, 1, 4, 3, 2, 1];
for (let i = 0; i < 14; i++) {
  const which = i >> 1, name = setterNames[i];
  const setter = function (this: any, ...a: any[]): number {
    return setComponents(this, which, a, name);
  };
  __native.defineProperty(setter, 'name', name, 4);
  __native.defineProperty(setter, 'length', setterLengths[which], 4);
  __native.defineProperty(DatePrototype, name, setter, 6);
}

__native.installMethods(DatePrototype, {
  getTime(this: any): number {
    return timeOf(this, 'getTime');
  },
  valueOf(this: any): number {
    return timeOf(this, 'valueOf');
  },
  getTimezoneOffset(this: any): number {
    const t = timeOf(this, 'getTimezoneOffset');
    return t !== t ? NaN : 0;
  },
  getYear(this: any): number {
    const t = timeOf(this, 'getYear');
    return t !== t ? NaN : yearFromTime(t) - 1900;
  },
  setTime(this: any, time: any): number {
    timeOf(this, 'setTime');
    return setTimeValue(this, timeClip(toNum(time)));
  },
  toISOString(this: any): string {
    const t = timeOf(this, 'toISOString');
    if (t !== t) throw new GLOBAL$.RangeError('Invalid time value');
    return isoString(t);
  },
  toJSON(this: any, _key?: any): any {
    const tv = toPrimitive(this, 'number');
    if (typeof tv === 'number' && !isFinite(tv)) return null;
    return this.toISOString();
  },
  toString(this: any): string {
    return toDateString(timeOf(this, 'toString'));
  },
  toDateString(this: any): string {
    const t = timeOf(this, 'toDateString');
    return t !== t ? 'Invalid Date' : datePart(t);
  },
  toTimeString(this: any): string {
    const t = timeOf(this, 'toTimeString');
    return t !== t ? 'Invalid Date' : timePart(t) + ZONE;
  },
  toUTCString(this: any): string {
    const t = timeOf(this, 'toUTCString');
    return t !== t ? 'Invalid Date' : utcString(t);
  },
  toLocaleString(this: any): string {
    const t = timeOf(this, 'toLocaleString');
    return t !== t ? 'Invalid Date' : localeDate(t) + ', ' + localeTime(t);
  },
  toLocaleDateString(this: any): string {
    const t = timeOf(this, 'toLocaleDateString');
    return t !== t ? 'Invalid Date' : localeDate(t);
  },
  toLocaleTimeString(this: any): string {
    const t = timeOf(this, 'toLocaleTimeString');
    return t !== t ? 'Invalid Date' : localeTime(t);
  },
});
hidden(DatePrototype, 'toGMTString', DatePrototype.toUTCString);
hidden(DatePrototype, 'constructor', DateC);
const dateToPrimitive = function (this: any, hint: any): any {
  if (!isObject(this)) throw new GLOBAL$.TypeError('Date.prototype [ @@toPrimitive ] called on non-object');
  let tryFirst: string;
  if (hint === 'string' || hint === 'default') tryFirst = 'toString';
  else if (hint === 'number') tryFirst = 'valueOf';
  else throw new GLOBAL$.TypeError('Invalid hint: ' + toStr(hint));
  const order = tryFirst === 'toString' ? ['toString', 'valueOf'] : ['valueOf', 'toString'];
  for (let i = 0; i < 2; i++) {
    const f = this[order[i]];
    if (typeof f === 'function') {
      const r = __native.apply(f, this, []);
      if (!isObject(r)) return r;
    }
  }
  throw new GLOBAL$.TypeError('Cannot convert object to primitive value');
};
setName(dateToPrimitive, '[Symbol.toPrimitive]');
__native.defineProperty(DatePrototype, SymbolToPrimitive, dateToPrimitive, 4);
void SymbolToStringTag;
void toIntegerOrInfinity;

/** console.log's text for a date: its ISO string, or "Invalid Date". */
export function inspectDate(d: any): string | undefined {
  if (!isDate(d)) return undefined;
  const t = timeOf(d, 'inspect');
  return t !== t ? 'Invalid Date' : isoString(t);
}
