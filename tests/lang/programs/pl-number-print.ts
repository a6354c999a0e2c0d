console.log(0.1 + 0.2, 1e21, 1e-7, 123456789012345680000, -0, [-0], 5e-324, 2 ** 53);
console.log((255).toString(16), (0.5).toString(2), (1.005).toFixed(2), (123.456).toFixed(1), (-1.5).toFixed(0));
console.log(String(1 / 3), Number('  42  '), Number('0x1f'), Number(''), Number('abc'), Number(null));
