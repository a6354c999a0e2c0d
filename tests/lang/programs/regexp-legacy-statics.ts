// The legacy static properties of RegExp (RegExp.$1-$9, input/$_, lastMatch/$&, lastParen/$+,
// leftContext/$`, rightContext/$'): the last successful match of any regexp method.
const R: any = RegExp;
const show = (label: string): void => {
  console.log(label, JSON.stringify([R.$1, R.$2, R.$3, R.$9, R.lastMatch, R['$&'], R.lastParen, R['$+'],
    R.leftContext, R['$`'], R.rightContext, R["$'"], R.input, R.$_]));
};
show('initial');
/(a)(b)?/.exec('xxab yy');
show('exec');
/zzz/.test('abc');
show('after a failed test');
'2024-02-29'.replace(/(\d+)-(\d+)-(\d+)/, '$3/$2/$1');
show('replace');
'q-w'.split(/-/);
show('split');
/(x)|(y)/.exec('y');
show('unmatched group');
'abcabc'.match(/c/g);
show('match /g');
'hello'.search(/l+/);
show('search');
R.input = 'assigned';
R.$1 = 'ignored';
show('assigned');
class Sub extends RegExp {}
new Sub('(s)(u)(b)').exec('--sub--');
show('subclass');
console.log(Object.getOwnPropertyNames(RegExp));
const d = Object.getOwnPropertyDescriptor(RegExp, '$1')!;
console.log(typeof d.get, d.get!.name, d.set!.name, d.enumerable, d.configurable);
const di = Object.getOwnPropertyDescriptor(RegExp, 'input')!, da = Object.getOwnPropertyDescriptor(RegExp, '$_')!;
console.log(di.get === da.get, di.set === da.set, di.get!.name, da.set!.name, di.get!.length, di.set!.length, d.set!.length);
(RegExp as any).$_ = 7;
console.log((RegExp as any).input, typeof (RegExp as any).input);
