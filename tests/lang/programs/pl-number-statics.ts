console.log(Number.isInteger(5), Number.isInteger(5.5), Number.isSafeInteger(2 ** 53), Number.isFinite('1'), isFinite('1' as any));
console.log(Number.isNaN('x'), isNaN('x' as any), Number.MAX_SAFE_INTEGER, Number.EPSILON, Number.MIN_VALUE, Number.MAX_VALUE);
console.log(parseInt('42px'), parseInt('ff', 16), parseInt('0x10'), parseFloat('3.14abc'), parseFloat('.5e1'), Number.parseInt === parseInt);
