console.log(Math.floor(2.7), Math.ceil(2.1), Math.round(2.5), Math.round(-2.5), Math.abs(-3), Math.trunc(-4.7), Math.sign(-2));
console.log(Math.max(1, 5, 3), Math.min(), Math.max(), Math.sqrt(16), Math.pow(2, 10), Math.PI.toFixed(4));
console.log((255).toString(16), (5).toString(2), (3.14159).toFixed(2), Number('42'), Number(''), Number('x'), parseInt('12px'), parseFloat('1.5e3'));
console.log(Number.isInteger(5.0), Number.isInteger(5.5), Number.MAX_SAFE_INTEGER, isNaN(NaN as any));
