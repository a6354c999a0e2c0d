// Errors thrown inside async functions: rejections, try/catch around await, rethrow.
class AppError extends Error {
  constructor(message: string, readonly code: number) {
    super(message);
    this.name = 'AppError';
  }
}

async function fails(msg: string): Promise<never> {
  await null;
  throw new AppError(msg, 42);
}

async function failsSync(): Promise<number> {
  throw new TypeError('thrown before any await');
}

async function catcher() {
  try {
    await fails('first');
    console.log('not reached');
  } catch (e) {
    const err = e as AppError;
    console.log('caught', err.name, err.message, err.code, err instanceof AppError, err instanceof Error);
  }
  try {
    await Promise.reject(new RangeError('rejected promise'));
  } catch (e) {
    console.log('caught', (e as Error).name, (e as Error).message);
  }
  try {
    await failsSync();
  } catch (e) {
    console.log('caught', String(e));
  }
  try {
    try {
      await fails('inner');
    } catch (e) {
      console.log('inner catch', (e as Error).message);
      throw new Error('rethrown from catch');
    }
  } catch (e) {
    console.log('outer catch', (e as Error).message);
  }
  const r = await fails('as value').catch((e: Error) => 'recovered: ' + e.message);
  console.log(r);
  return 'catcher done';
}

const p = failsSync();
console.log('failsSync returned a promise, no exception:', p instanceof Promise);
p.catch((e: Error) => console.log('p rejected:', e.message));
catcher().then(console.log);

async function throwsValue() {
  await 1;
  throw 'a string';
}
throwsValue().then(() => console.log('no'), (v) => console.log('rejected with', typeof v, v));
