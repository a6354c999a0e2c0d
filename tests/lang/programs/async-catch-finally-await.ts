// await inside catch blocks and finally blocks, and exceptions replacing each other.
const tick = () => new Promise<void>((r) => setTimeout(r, 0));
async function a() {
  try {
    throw new Error('first');
  } catch (e) {
    await tick();
    console.log('catch after await sees', (e as Error).message);
    try {
      await Promise.reject(new Error('second'));
    } catch (e2) {
      console.log('nested catch', (e2 as Error).message, 'outer still', (e as Error).message);
    }
  } finally {
    await tick();
    console.log('finally after await');
  }
}
async function b() {
  try {
    try {
      throw new Error('original');
    } finally {
      await tick();
      // eslint-disable-next-line no-unsafe-finally
      throw new Error('replaced in finally');
    }
  } catch (e) {
    return (e as Error).message;
  }
}
async function c(): Promise<string> {
  let log = '';
  for (const x of ['p', 'q', 'r']) {
    try {
      if (x === 'q') throw new Error(x);
      log += x;
    } catch (e) {
      await tick();
      log += '!' + (e as Error).message;
      continue;
    } finally {
      log += ';';
    }
  }
  return log;
}
(async () => {
  await a();
  console.log(await b());
  console.log(await c());
})();
