// A tiny language: tokenizer, recursive-descent parser to an AST, evaluator with variables,
// functions, and errors with positions.
type Token = { kind: 'num' | 'ident' | 'op' | 'lparen' | 'rparen' | 'comma' | 'eof'; text: string; pos: number };
class CalcError extends Error {
  constructor(message: string, public pos: number) { super(message); this.name = 'CalcError'; }
}
function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const isDigit = (c: string) => c >= '0' && c <= '9';
  const isAlpha = (c: string) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_';
  while (i < src.length) {
    const c = src[i];
    if (c === ' ' || c === '\t') { i++; continue; }
    const start = i;
    if (isDigit(c) || (c === '.' && isDigit(src[i + 1] ?? ''))) {
      while (i < src.length && (isDigit(src[i]) || src[i] === '.')) i++;
      if (src[i] === 'e' || src[i] === 'E') { i++; if (src[i] === '-' || src[i] === '+') i++; while (isDigit(src[i] ?? '')) i++; }
      const text = src.slice(start, i);
      if (text.split('.').length > 2) throw new CalcError(`bad number '${text}'`, start);
      out.push({ kind: 'num', text, pos: start });
    } else if (isAlpha(c)) {
      while (i < src.length && (isAlpha(src[i]) || isDigit(src[i]))) i++;
      out.push({ kind: 'ident', text: src.slice(start, i), pos: start });
    } else if ('+-*/%^='.includes(c)) {
      out.push({ kind: 'op', text: c, pos: i++ });
    } else if (c === '(') out.push({ kind: 'lparen', text: c, pos: i++ });
    else if (c === ')') out.push({ kind: 'rparen', text: c, pos: i++ });
    else if (c === ',') out.push({ kind: 'comma', text: c, pos: i++ });
    else throw new CalcError(`unexpected character '${c}'`, i);
  }
  out.push({ kind: 'eof', text: '', pos: src.length });
  return out;
}
type Expr =
  | { type: 'num'; value: number }
  | { type: 'var'; name: string; pos: number }
  | { type: 'unary'; op: string; arg: Expr }
  | { type: 'binary'; op: string; left: Expr; right: Expr; pos: number }
  | { type: 'call'; name: string; args: Expr[]; pos: number }
  | { type: 'assign'; name: string; value: Expr };
class Parser {
  private i = 0;
  constructor(private toks: Token[]) {}
  private peek() { return this.toks[this.i]; }
  private next() { return this.toks[this.i++]; }
  private expect(kind: Token['kind'], what: string) {
    const t = this.next();
    if (t.kind !== kind) throw new CalcError(`expected ${what} but found ${t.kind === 'eof' ? 'end of input' : `'${t.text}'`}`, t.pos);
    return t;
  }
  parse(): Expr {
    const e = this.statement();
    const t = this.peek();
    if (t.kind !== 'eof') throw new CalcError(`unexpected '${t.text}'`, t.pos);
    return e;
  }
  private statement(): Expr {
    const t = this.peek(), t2 = this.toks[this.i + 1];
    if (t.kind === 'ident' && t2.kind === 'op' && t2.text === '=') { this.i += 2; return { type: 'assign', name: t.text, value: this.statement() }; }
    return this.additive();
  }
  private additive(): Expr {
    let left = this.multiplicative();
    for (let t = this.peek(); t.kind === 'op' && (t.text === '+' || t.text === '-'); t = this.peek()) {
      this.next();
      left = { type: 'binary', op: t.text, left, right: this.multiplicative(), pos: t.pos };
    }
    return left;
  }
  private multiplicative(): Expr {
    let left = this.unary();
    for (let t = this.peek(); t.kind === 'op' && '*/%'.includes(t.text); t = this.peek()) {
      this.next();
      left = { type: 'binary', op: t.text, left, right: this.unary(), pos: t.pos };
    }
    return left;
  }
  private unary(): Expr {
    const t = this.peek();
    if (t.kind === 'op' && (t.text === '-' || t.text === '+')) { this.next(); return { type: 'unary', op: t.text, arg: this.unary() }; }
    return this.power();
  }
  private power(): Expr {
    const base = this.primary();
    const t = this.peek();
    if (t.kind === 'op' && t.text === '^') { this.next(); return { type: 'binary', op: '^', left: base, right: this.unary(), pos: t.pos }; }
    return base;
  }
  private primary(): Expr {
    const t = this.next();
    switch (t.kind) {
      case 'num': return { type: 'num', value: Number(t.text) };
      case 'ident':
        if (this.peek().kind === 'lparen') {
          this.next();
          const args: Expr[] = [];
          if (this.peek().kind !== 'rparen') {
            do { args.push(this.additive()); } while (this.peek().kind === 'comma' && this.next());
          }
          this.expect('rparen', "')'");
          return { type: 'call', name: t.text, args, pos: t.pos };
        }
        return { type: 'var', name: t.text, pos: t.pos };
      case 'lparen': { const e = this.additive(); this.expect('rparen', "')'"); return e; }
      default: throw new CalcError(t.kind === 'eof' ? 'unexpected end of input' : `unexpected '${t.text}'`, t.pos);
    }
  }
}
const funcs: Record<string, (...a: number[]) => number> = {
  min: Math.min, max: Math.max, abs: Math.abs, sqrt: Math.sqrt, floor: Math.floor, round: Math.round,
  sum: (...xs) => xs.reduce((a, b) => a + b, 0), avg: (...xs) => xs.reduce((a, b) => a + b, 0) / xs.length,
};
function evaluate(e: Expr, env: Map<string, number>): number {
  switch (e.type) {
    case 'num': return e.value;
    case 'var': { const v = env.get(e.name); if (v === undefined) throw new CalcError(`unknown variable '${e.name}'`, e.pos); return v; }
    case 'unary': return e.op === '-' ? -evaluate(e.arg, env) : +evaluate(e.arg, env);
    case 'assign': { const v = evaluate(e.value, env); env.set(e.name, v); return v; }
    case 'call': {
      const f = funcs[e.name];
      if (!f) throw new CalcError(`unknown function '${e.name}'`, e.pos);
      return f(...e.args.map((a) => evaluate(a, env)));
    }
    case 'binary': {
      const l = evaluate(e.left, env), r = evaluate(e.right, env);
      switch (e.op) {
        case '+': return l + r;
        case '-': return l - r;
        case '*': return l * r;
        case '/': if (r === 0) throw new CalcError('division by zero', e.pos); return l / r;
        case '%': return l % r;
        case '^': { let p = 1; for (let k = 0; k < r; k++) p *= l; return p; }
      }
      throw new CalcError('bad operator ' + e.op, e.pos);
    }
  }
}
function show(e: Expr): string {
  switch (e.type) {
    case 'num': return String(e.value);
    case 'var': return e.name;
    case 'unary': return `(${e.op}${show(e.arg)})`;
    case 'assign': return `${e.name} := ${show(e.value)}`;
    case 'call': return `${e.name}(${e.args.map(show).join(', ')})`;
    case 'binary': return `(${show(e.left)} ${e.op} ${show(e.right)})`;
  }
}
const env = new Map<string, number>([['pi', 3.14159]]);
const program = [
  '1 + 2 * 3', '(1 + 2) * 3', '2 ^ 3 ^ 2', '-2 ^ 2', '10 / 4', '10 % 4 + -3', 'x = 5', 'y = x * 2 + 1', 'x * y - 3',
  'max(1, x, y, 3)', 'sum(1, 2, 3, 4) / avg(2, 4)', 'r = 2', 'area = pi * r ^ 2', 'round(area * 100) / 100', '1e3 + .5',
  'sqrt(16) + abs(-4) + floor(2.7)', '((((1))))', '  7   ', 'a = b = 3', 'a + b',
  '1 +', '(1 + 2', '1 + 2)', '3 $ 4', 'foo(1)', 'zz + 1', '1 / (2 - 2)', '1.2.3 + 1', ')', '', 'max(1,', 'x = ',
];
for (const line of program) {
  try {
    const ast = new Parser(tokenize(line)).parse();
    console.log(`${line.padEnd(32)} => ${show(ast).padEnd(44)} = ${evaluate(ast, env)}`);
  } catch (e) {
    if (!(e instanceof CalcError)) throw e;
    console.log(`${line.padEnd(32)} !! ${e.message} at ${e.pos}`);
    console.log(`${' '.repeat(36 + e.pos)}^`);
  }
}
console.log([...env.entries()].map(([k, v]) => `${k}=${v}`).join(', '));
