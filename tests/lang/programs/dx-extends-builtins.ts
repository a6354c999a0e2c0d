// Subclassing Error, Array and Map.
class ValidationError extends Error {
  constructor(public field: string, message: string) {
    super(message);
    this.name = 'ValidationError';
  }
}
class NotFound extends Error {
  readonly code = 404;
  constructor(what: string) { super(`${what} not found`); }
}
NotFound.prototype.name = 'NotFound';
const v = new ValidationError('email', 'must contain @');
console.log(v.name, v.message, v.field, String(v), v instanceof ValidationError, v instanceof Error, Object.prototype.toString.call(v));
console.log(Object.keys(v), JSON.stringify(v), v.toString === Error.prototype.toString);
const nf = new NotFound('user 7');
console.log(nf.name, nf.message, nf.code, `${nf}`, Object.hasOwn(nf, 'name'), Object.hasOwn(nf, 'message'));
function validate(input: Record<string, string>) {
  if (!input.email) throw new ValidationError('email', 'is required');
  if (!input.email.includes('@')) throw new ValidationError('email', 'must contain @');
  if (input.user !== 'ann') throw new NotFound('user ' + input.user);
  return 'ok';
}
const inputs: Record<string, string>[] = [{}, { email: 'x' }, { email: 'a@b', user: 'bob' }, { email: 'a@b', user: 'ann' }];
for (const inp of inputs) {
  try { console.log(validate(inp)); } catch (e) {
    if (e instanceof ValidationError) console.log('validation:', e.field, e.message);
    else if (e instanceof NotFound) console.log('not found:', e.code, e.message);
    else throw e;
  }
}
const noMsg = new ValidationError('x', undefined as unknown as string);
console.log(JSON.stringify(noMsg.message), String(noMsg), Object.hasOwn(noMsg, 'message'));
const withCause = new Error('outer', { cause: v });
console.log((withCause.cause as ValidationError).field, 'cause' in withCause);

class Stack<T> extends Array<T> {
  peek(): T | undefined { return this[this.length - 1]; }
  get top() { return this.peek(); }
}
const s = new Stack<number>();
s.push(1, 2, 3);
console.log(s.length, s.peek(), s.top, s instanceof Stack, s instanceof Array, Array.isArray(s), s.join('-'));
s.length = 1;
console.log(s.length, s.peek(), [...s]);
const fromCtor = new Stack<string>();
fromCtor[3] = 'x';
console.log(fromCtor.length, fromCtor.peek(), 0 in fromCtor);

class DefaultMap<K, V> extends Map<K, V> {
  constructor(private make: () => V) { super(); }
  getOrCreate(k: K): V {
    let v = this.get(k);
    if (v === undefined) { v = this.make(); this.set(k, v); }
    return v;
  }
}
const groups = new DefaultMap<string, string[]>(() => []);
for (const w of ['apple', 'avocado', 'banana', 'blueberry', 'cherry', 'apricot']) groups.getOrCreate(w[0]).push(w);
console.log(groups.size, groups.get('a'), [...groups.keys()], groups instanceof Map);

class CountingSet<T> extends Set<T> {
  adds = 0;
  add(v: T) { this.adds++; return super.add(v); }
}
const cs = new CountingSet<number>();
cs.add(1).add(2).add(1);
console.log(cs.size, cs.adds, [...cs], cs.has(2));
