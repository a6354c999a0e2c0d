const o = { valueOf() { return 42; }, toString() { return 'obj'; } };
console.log(String(o), Number(o), o + 1, `${o}`, Boolean(''), Boolean('0'), String(null), String([1, 2]), Number([5]));
console.log(String(123), String(true), Number(true), Number(undefined), String(Symbol('s')));
