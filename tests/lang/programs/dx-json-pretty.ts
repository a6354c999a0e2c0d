// A hand-written JSON tokenizer/parser and pretty-printer with sorted keys, checked against
// JSON.parse/JSON.stringify; error positions for malformed input.
type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
class JsonReader {
  pos = 0;
  constructor(private s: string) {}
  fail(msg: string): never { throw new SyntaxError(`${msg} at position ${this.pos}`); }
  ws() { while (this.pos < this.s.length && ' \t\n\r'.includes(this.s[this.pos])) this.pos++; }
  read(): Json {
    this.ws();
    const v = this.value();
    this.ws();
    if (this.pos < this.s.length) this.fail(`trailing '${this.s[this.pos]}'`);
    return v;
  }
  value(): Json {
    this.ws();
    const c = this.s[this.pos];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return this.string();
    if (c === '-' || (c >= '0' && c <= '9')) return this.number();
    for (const [word, val] of [['true', true], ['false', false], ['null', null]] as [string, Json][]) {
      if (this.s.startsWith(word, this.pos)) { this.pos += word.length; return val; }
    }
    return this.fail(c === undefined ? 'unexpected end' : `unexpected '${c}'`);
  }
  object(): Json {
    const out: { [k: string]: Json } = {};
    this.pos++;
    this.ws();
    if (this.s[this.pos] === '}') { this.pos++; return out; }
    for (;;) {
      this.ws();
      if (this.s[this.pos] !== '"') this.fail('expected key');
      const k = this.string();
      this.ws();
      if (this.s[this.pos++] !== ':') { this.pos--; this.fail("expected ':'"); }
      out[k] = this.value();
      this.ws();
      const c = this.s[this.pos++];
      if (c === '}') return out;
      if (c !== ',') { this.pos--; this.fail("expected ',' or '}'"); }
    }
  }
  array(): Json {
    const out: Json[] = [];
    this.pos++;
    this.ws();
    if (this.s[this.pos] === ']') { this.pos++; return out; }
    for (;;) {
      out.push(this.value());
      this.ws();
      const c = this.s[this.pos++];
      if (c === ']') return out;
      if (c !== ',') { this.pos--; this.fail("expected ',' or ']'"); }
    }
  }
  string(): string {
    let out = '';
    this.pos++;
    for (;;) {
      if (this.pos >= this.s.length) this.fail('unterminated string');
      const c = this.s[this.pos++];
      if (c === '"') return out;
      if (c !== '\\') { out += c; continue; }
      const e = this.s[this.pos++];
      const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
      if (e in simple) out += simple[e];
      else if (e === 'u') {
        const hex = this.s.slice(this.pos, this.pos + 4);
        if (hex.length < 4 || [...hex].some((h) => !'0123456789abcdefABCDEF'.includes(h))) this.fail('bad unicode escape');
        out += String.fromCharCode(parseInt(hex, 16));
        this.pos += 4;
      } else { this.pos--; this.fail(`bad escape '\\${e}'`); }
    }
  }
  number(): number {
    const start = this.pos;
    if (this.s[this.pos] === '-') this.pos++;
    const digits = () => { const s0 = this.pos; while (this.s[this.pos] >= '0' && this.s[this.pos] <= '9') this.pos++; return this.pos - s0; };
    if (this.s[this.pos] === '0') this.pos++; else if (digits() === 0) this.fail('expected digit');
    if (this.s[this.pos] === '.') { this.pos++; if (digits() === 0) this.fail('expected fraction digit'); }
    if (this.s[this.pos] === 'e' || this.s[this.pos] === 'E') { this.pos++; if (this.s[this.pos] === '+' || this.s[this.pos] === '-') this.pos++; if (digits() === 0) this.fail('expected exponent digit'); }
    return Number(this.s.slice(start, this.pos));
  }
}
function quote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const code = ch.charCodeAt(0);
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20) out += '\\u' + code.toString(16).padStart(4, '0');
    else out += ch;
  }
  return out + '"';
}
function pretty(v: Json, indent = '', step = '  '): string {
  if (v === null || typeof v !== 'object') return typeof v === 'string' ? quote(v) : String(v);
  const inner = indent + step;
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    if (v.every((x) => x === null || typeof x !== 'object') && v.length <= 6) return '[' + v.map((x) => pretty(x)).join(', ') + ']';
    return '[\n' + v.map((x) => inner + pretty(x, inner, step)).join(',\n') + '\n' + indent + ']';
  }
  const keys = Object.keys(v).sort();
  if (keys.length === 0) return '{}';
  return '{\n' + keys.map((k) => `${inner}${quote(k)}: ${pretty(v[k], inner, step)}`).join(',\n') + '\n' + indent + '}';
}
function canonical(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return '[' + v.map(canonical).join(',') + ']';
  return '{' + Object.keys(v).sort().map((k) => JSON.stringify(k) + ':' + canonical((v as Record<string, unknown>)[k])).join(',') + '}';
}
const doc = `{
  "name": "tskern", "version": "0.1.0", "private": true,
  "scripts": {"test": "vitest run", "start": "node bin/tskern.js start"},
  "tags": ["os", "kernel", "typescript"], "matrix": [[1, 2], [3, [4, {"deep": null}]]],
  "numbers": [0, -0.5, 1e3, 2.5E-3, 123456789], "escapes": "tab\\there \\"quoted\\" \\u00e9 \\\\ \\/",
  "empty": {}, "none": [], "zeta": {"b": 1, "a": 2}
}`;
const mine = new JsonReader(doc).read();
const theirs = JSON.parse(doc);
console.log(pretty(mine));
console.log('same as JSON.parse:', canonical(mine) === canonical(theirs));
console.log('round trip:', canonical(new JsonReader(JSON.stringify(theirs, null, 4)).read()) === canonical(theirs));
const broken = ['{"a": 1,}', '[1 2]', '{"a" 1}', '"abc', '{"x": tru}', '[1, -]', '01', '1.', '{"a": "\\q"}', '"\\u12g4"', '[1] x', '', '{"k": [1, {"n": }]}'];
for (const b of broken) {
  let mineMsg = 'parsed', nodeOk = true;
  try { new JsonReader(b).read(); } catch (e) { mineMsg = (e as Error).message; }
  try { JSON.parse(b); } catch { nodeOk = false; }
  console.log(JSON.stringify(b).padEnd(24), mineMsg.padEnd(36), nodeOk ? 'JSON.parse accepted' : 'JSON.parse rejected');
}
