// Optional chaining and nullish coalescing: short-circuiting, calls with this, defaults.
type Node_ = { value?: number; next?: Node_ | null; get?: () => string; list?: number[]; fn?: (x: number) => number };
const chain: Node_ = { value: 1, next: { value: 2, next: { value: 0, next: null } }, list: [10, 20] };
console.log(chain.next?.next?.value, chain.next?.next?.next?.value, chain.next?.next?.next?.next?.value);
console.log(chain.list?.[1], chain.list?.[5], (chain as Node_ & { other?: number[] }).other?.[0], chain.list?.length);
console.log(chain.fn?.(1), chain.get?.(), chain.next?.fn?.(2));
let evaluated = 0;
const side = () => { evaluated++; return 1; };
const nothing = null as Node_ | null;
console.log(nothing?.fn!(side()), nothing?.list![side()], evaluated);
console.log(nothing?.next!.next!.value, (nothing?.next)?.value, evaluated);

// Optional call keeps `this`
const counter = { n: 5, read() { return this.n; }, maybe: undefined as undefined | (() => number) };
console.log(counter.read?.(), counter?.read(), counter.maybe?.(), counter?.['read']?.());

// ?? vs ||
const values: unknown[] = [0, '', false, null, undefined, NaN, 'x', [], {}];
for (const v of values) console.log(JSON.stringify(v) ?? 'undefined', v ?? 'dflt', v || 'dflt', (v as number) && 'and');
// ?? with side effects
let rhsCalls = 0;
const rhs = () => { rhsCalls++; return 'rhs'; };
const id = <T>(v: T): T | null | undefined => v;
const r1 = id(0) ?? rhs(), r2 = id(null) ?? rhs(), r3 = id(undefined) ?? id(null) ?? rhs(), r4 = id(false) ?? rhs();
console.log(r1, r2, r3, r4, rhsCalls);

// Logical assignment
const cfg: { port?: number | null; host?: string; debug?: boolean; retries: number } = { port: null, retries: 0 };
cfg.port ??= 8080;
cfg.host ||= 'localhost';
cfg.debug ??= false;
cfg.debug ||= true;
cfg.retries ||= 3;
cfg.retries &&= cfg.retries * 2;
console.log(cfg);
let assignedCount = 0;
const obj = { get v() { return 'present'; }, set v(x: string) { assignedCount++; } };
obj.v ??= 'never';
obj.v ||= 'never';
console.log(assignedCount);

// Deep config lookup with defaults
const settings: Record<string, Record<string, { value?: number | null } | undefined> | undefined> = {
  ui: { theme: { value: 0 }, font: { value: null } },
  net: undefined,
};
const lookup = (sect: string, k: string, d: number) => settings[sect]?.[k]?.value ?? d;
console.log(lookup('ui', 'theme', 1), lookup('ui', 'font', 12), lookup('ui', 'missing', 3), lookup('net', 'x', 4), lookup('nope', 'x', 5));

// Optional chaining on array methods and strings
const maybeArr: number[] | undefined = [3, 1, 2];
const noArr = undefined as number[] | undefined;
console.log(maybeArr?.map((x) => x * 2).filter((x) => x > 2), noArr?.map((x) => x * 2).length, 'abc'?.toUpperCase?.());
// Errors still happen past a non-nullish link
try { console.log((chain as unknown as { value: { deep: { x: number } } }).value.deep?.x); } catch (e) { console.log((e as Error).name); }
try { (chain as unknown as { list: { nope: () => void } }).list.nope?.(); console.log('optional call of missing method is fine'); } catch (e) { console.log((e as Error).name); }
