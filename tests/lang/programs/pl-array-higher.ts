const a = [1, 2, 3, 4];
console.log(a.map((x, i) => x * i), a.filter((x) => x % 2), a.reduce((s, x) => s + x), a.reduceRight((s, x) => s + x, ''));
console.log(a.some((x) => x > 3), a.every((x) => x > 0), [].every(() => false));
try { [].reduce((x: any) => x); } catch (e: any) { console.log(e.message); }
console.log([[1, [2]], [3]].flat(), [[1, [2, [3]]]].flat(Infinity), [1, 2].flatMap((x) => [x, x * 10]));
