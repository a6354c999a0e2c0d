const xs = [1, 2, 3];
xs.map((x) => {
  if (x === 2) throw new TypeError('bad element');
  console.log('mapped', x);
  return x;
});
