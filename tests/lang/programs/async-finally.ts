// finally blocks around awaits: normal completion, throw, return, break, await inside finally.
const log: string[] = [];
const sleep0 = () => new Promise<void>((r) => setTimeout(r, 0));

async function a() {
  try {
    log.push('a try');
    await null;
    log.push('a try after await');
  } finally {
    log.push('a finally');
    await sleep0();
    log.push('a finally after await');
  }
  return 'a';
}

async function b() {
  try {
    await null;
    throw new Error('b error');
  } finally {
    log.push('b finally');
  }
}

async function c() {
  try {
    await null;
    return 'c try';
  } finally {
    log.push('c finally');
    await null;
    log.push('c finally after await');
  }
}

async function d() {
  try {
    return 'd try';
  } finally {
    // eslint-disable-next-line no-unsafe-finally
    return 'd finally overrides';
  }
}

async function e() {
  for (let i = 0; i < 5; i++) {
    try {
      await null;
      if (i === 1) continue;
      if (i === 3) break;
      log.push('e body ' + i);
    } finally {
      log.push('e finally ' + i);
      await null;
    }
  }
  return 'e';
}

async function f() {
  try {
    try {
      await Promise.reject(new Error('f inner'));
    } finally {
      log.push('f inner finally');
      await sleep0();
    }
  } catch (err) {
    log.push('f caught ' + (err as Error).message);
  } finally {
    log.push('f outer finally');
  }
  return 'f';
}

async function main() {
  console.log(await a());
  console.log(await b().catch((x: Error) => 'b rejected: ' + x.message));
  console.log(await c());
  console.log(await d());
  console.log(await e());
  console.log(await f());
  console.log(log.join('\n'));
}
main();
