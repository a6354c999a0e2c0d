console.log(Math.floor(-1.5), Math.ceil(-1.5), Math.round(-1.5), Math.round(2.5), Math.round(-0.4), Math.trunc(-4.7));
console.log(Math.abs(-3), Math.sign(-2), Math.min(), Math.max(), Math.min(1, NaN), Math.max(3, 7, 2), Math.sqrt(2));
console.log(Math.pow(2, 10), Math.pow(2, -2), Math.pow(-2, 3), Math.PI, Math.E, Math.hypot(3, 4));
const r = Math.random(); console.log(r >= 0 && r < 1);
