// Hand-written async iteration: an object whose next() returns promises, consumed with await.
function range(from: number, to: number, ms: number) {
  let i = from;
  return {
    next(): Promise<{ done: boolean; value: number }> {
      return new Promise((r) => setTimeout(() => r(i <= to ? { done: false, value: i++ } : { done: true, value: -1 }), ms));
    },
  };
}
async function consume() {
  const it = range(3, 6, 1);
  const seen: number[] = [];
  for (let r = await it.next(); !r.done; r = await it.next()) seen.push(r.value);
  return seen;
}
consume().then((v) => console.log('consumed', v));
