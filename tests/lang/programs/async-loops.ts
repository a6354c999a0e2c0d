// await inside loops, switch, conditionals, logical operators and template literals.
const wait = (v: number) => new Promise<number>((r) => setTimeout(() => r(v), 0));
async function main() {
  let sum = 0;
  for (let i = 0; i < 5; i++) sum += await wait(i);
  console.log('for', sum);
  const items = ['a', 'b', 'c'];
  for (const it of items) console.log('for-of', it, await wait(it.charCodeAt(0)));
  const obj: Record<string, number> = { x: 1, y: 2 };
  for (const k in obj) console.log('for-in', k, await wait(obj[k]));
  let n = 0;
  while ((await wait(n)) < 3) n++;
  console.log('while', n);
  do {
    n--;
  } while ((await wait(n)) > 0);
  console.log('do-while', n);
  for (const v of [1, 2, 3]) {
    switch (await wait(v)) {
      case 1:
        console.log('switch one');
        break;
      case 2:
        console.log('switch two');
        continue;
      default:
        console.log('switch default');
    }
  }
  const t = (await wait(1)) ? await wait(10) : await wait(20);
  const l = (await wait(0)) || (await wait(5));
  const s = `${await wait(1)}-${await wait(2)}`;
  console.log(t, l, s, [await wait(7), await wait(8)], { k: await wait(9) });
  outer: for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      if ((await wait(j)) === 1) continue outer;
      if (i === 2) break outer;
      console.log('labels', i, j);
    }
  }
  const fns: (() => number)[] = [];
  for (let i = 0; i < 3; i++) {
    await null;
    fns.push(() => i * 100);
  }
  console.log('closures per iteration', fns.map((f) => f()));
}
main();
