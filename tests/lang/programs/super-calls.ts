class Base {
  tag: string;
  constructor(...parts: string[]) { this.tag = parts.join('+'); }
  describe() { return 'base:' + this.tag; }
  static sname() { return 'Base'; }
}
class Mid extends Base {
  extra = 'field-after-super';
  constructor(a: string) {
    const pre = a.toUpperCase();
    super(pre, ...['x', 'y']);
    this.tag += '!';
  }
  describe() { return 'mid>' + super.describe(); }
  static sname() { return 'Mid<' + super.sname(); }
}
const m = new Mid('a');
console.log(m.describe(), m.extra, Mid.sname(), m);
class Bad extends Base { constructor() { if (false as boolean) super(); } }
try { new Bad(); } catch (e) { console.log((e as Error).name); }
