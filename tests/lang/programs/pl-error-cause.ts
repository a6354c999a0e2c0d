const e = new Error('outer', { cause: new TypeError('inner') });
console.log(e.message, (e.cause as Error).message, (e.cause as Error).name);
console.log(e.stack!.split('\n')[0]);
console.log(String(new RangeError('r')), new Error('x') instanceof Error, new TypeError('t') instanceof Error);
class MyErr extends Error { constructor(m: string) { super(m); this.name = 'MyErr'; } }
const me = new MyErr('custom');
console.log(me.name, me.message, me instanceof MyErr, me instanceof Error, String(me));
