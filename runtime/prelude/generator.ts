// Generators (docs/bytecode.md, "Generators"): a generator is a frame parked by `Await`,
// as an async function's is, resumed by next/throw/return with `Resume`.
//
// The compiled generator function, once its parameters are bound, calls GeneratorStart
// (the generator object, marked as parking) and parks with `Await g, g, g`: the machine
// calls AsyncFunctionAwait, which hands the frame to the marked generator (takeGeneratorPark)
// instead of awaiting, and the caller receives the generator. `yield v` is GeneratorYield
// (marks it parking with the value) then the same Await. next() resumes the frame; when the
// Resume comes back, either the generator parked again (a yield) or its frame returned.
// return() throws the unique RETURN signal into the frame, so that its finally blocks run
// (the compiled catch clauses of a generator rethrow it untouched); the signal leaving the
// frame completes the generator with the value return() was given.

import { FunctionPrototype, GLOBAL$, SymbolAsyncIterator, SymbolToStringTag, describe, hidden, isCallable, isObject, setName } from './core.ts';
import { IteratorPrototype, getIterator, incompatibleReceiver } from './iteration.ts';
import { Intrinsic } from '../../image-builder/bytecode/intrinsics.ts';

const START = 0, SUSPENDED = 1, RUNNING = 2, DONE = 3, AWAITING_RETURN = 4;

/** An async generator's queued next/throw/return call ([[AsyncGeneratorQueue]]). */
interface AsyncRequest {
  mode: number;
  value: any;
  promise: any;
  resolve: (v: any) => void;
  reject: (e: any) => void;
}

/** A generator's internal slots. */
interface GenRecord {
  state: number;
  /** The parked frame (START and SUSPENDED). */
  frame: unknown;
  /** The value of the last yield, or (raw) the inner result object a yield* passes on. */
  value: any;
  raw: boolean;
  /** Set by takeGeneratorPark: the frame parked (a yield) rather than returned. */
  parked: boolean;
  /** What return() was given, while its signal travels through the frame. */
  returnValue: any;
  /** Async generators: the requests not completed yet (the first is the one running). */
  queue: AsyncRequest[] | undefined;
  /** Async generators in a yield*: the inner iterator record and how the generator was resumed (0 next, 1 throw, 2 return). */
  delegate?: any;
  delegateMode?: number;
}

/** The generator that the next Await parks (set just before it), or undefined. */
let parking: GenRecord | undefined;

/**
 * Called first by AsyncFunctionAwait: true when this Await is a generator's park (start or
 * yield), which it then records, instead of an await.
 */
export function takeGeneratorPark(frame: unknown): boolean {
  const rec = parking;
  if (rec === undefined) return false;
  parking = undefined;
  rec.frame = frame;
  rec.parked = true;
  return true;
}

class SlotBase$ {
  constructor(o: any) {
    return o;
  }
}

class GenSlot$ extends SlotBase$ {
  #gen: GenRecord;
  constructor(o: any, rec: GenRecord) {
    super(o);
    this.#gen = rec;
  }
  static get(o: any): GenRecord | undefined {
    return isObject(o) && #gen in o ? o.#gen : undefined;
  }
}

/** The signal return() throws into a suspended generator's frame. */
const RETURN: any = {};

/** %GeneratorFunction.prototype% and %GeneratorPrototype%. */
const GeneratorFunctionPrototype: any = {};
const GeneratorPrototype: any = {};
__native.setPrototypeOf(GeneratorFunctionPrototype, FunctionPrototype);
__native.setPrototypeOf(GeneratorPrototype, IteratorPrototype);
__native.defineProperty(GeneratorFunctionPrototype, 'prototype', GeneratorPrototype, 4);
__native.defineProperty(GeneratorFunctionPrototype, SymbolToStringTag, 'GeneratorFunction', 4);
__native.defineProperty(GeneratorPrototype, 'constructor', GeneratorFunctionPrototype, 4);
__native.defineProperty(GeneratorPrototype, SymbolToStringTag, 'Generator', 4);
/** %GeneratorFunction%: as Function, it would compile source text at run time. */
const GeneratorFunctionC: any = function GeneratorFunction(): any {
  throw new GLOBAL$.EvalError('Code generation from strings is not supported');
};
__native.setPrototypeOf(GeneratorFunctionC, GLOBAL$.Function);
setName(GeneratorFunctionC, 'GeneratorFunction');
__native.defineProperty(GeneratorFunctionC, 'prototype', GeneratorFunctionPrototype, 0);
__native.defineProperty(GeneratorFunctionPrototype, 'constructor', GeneratorFunctionC, 4);

const NEXT = 0, THROW = 1, RETURN_MODE = 2;

function resumeGenerator(gen: any, value: any, mode: number, what: string): any {
  const rec = GenSlot$.get(gen);
  if (rec === undefined) incompatibleReceiver(what, gen);
  if (rec.state === RUNNING) throw new GLOBAL$.TypeError('Generator is already running');
  if (rec.state === START && mode !== NEXT) {
    rec.state = DONE;
    rec.frame = undefined;
  }
  if (rec.state === DONE) {
    if (mode === THROW) throw value;
    return { value: mode === RETURN_MODE ? value : undefined, done: true };
  }
  rec.state = RUNNING;
  rec.parked = false;
  let r: any;
  try {
    if (mode === RETURN_MODE) {
      rec.returnValue = value;
      r = __native.resume(rec.frame, RETURN, true);
    } else r = __native.resume(rec.frame, value, mode === THROW);
  } catch (e) {
    rec.state = DONE;
    rec.frame = undefined;
    if (e === RETURN) {
      const v = rec.returnValue;
      rec.returnValue = undefined;
      return { value: v, done: true };
    }
    throw e;
  }
  if (rec.parked) {
    rec.parked = false;
    rec.state = SUSPENDED;
    const v = rec.value;
    rec.value = undefined;
    if (rec.raw) {
      rec.raw = false;
      return v;
    }
    return { value: v, done: false };
  }
  rec.state = DONE;
  rec.frame = undefined;
  return { value: r, done: true };
}

__native.installMethods(GeneratorPrototype, {
  next(v: any): any {
    return resumeGenerator(this, v, NEXT, 'Generator.prototype.next');
  },
  return(v: any): any {
    return resumeGenerator(this, v, RETURN_MODE, 'Generator.prototype.return');
  },
  throw(v: any): any {
    return resumeGenerator(this, v, THROW, 'Generator.prototype.throw');
  },
});

function recordOf(gen: any): GenRecord {
  return GenSlot$.get(gen)!;
}

function closeQuietly(iterator: any): void {
  try {
    const ret = iterator.return;
    if (ret !== undefined && ret !== null) ret.call(iterator);
  } catch (e) {
    // the TypeError about the missing throw method wins
  }
}

function installGeneratorIntrinsics(): void {
  /** GeneratorFunctionInit(fn), after Closure: its own `prototype` and [[Prototype]]. */
  __native.registerIntrinsic(Intrinsic.GeneratorFunctionInit, function GeneratorFunctionInit(fn: any): void {
    const isAsync = (__native.functionFlags(fn) & 16) !== 0;
    const proto: any = {};
    __native.setPrototypeOf(proto, isAsync ? AsyncGeneratorPrototype : GeneratorPrototype);
    __native.defineProperty(fn, 'prototype', proto, 2);
    __native.setPrototypeOf(fn, isAsync ? AsyncGeneratorFunctionPrototype : GeneratorFunctionPrototype);
  });
  /** GeneratorStart(fn): the generator object (prototype fn.prototype), parking next. */
  __native.registerIntrinsic(Intrinsic.GeneratorStart, function GeneratorStart(fn: any): any {
    let proto = fn.prototype;
    const o: any = {};
    __native.setPrototypeOf(o, proto);
    const isAsync = (__native.functionFlags(fn) & 16) !== 0;
    if (!isObject(proto)) proto = isAsync ? AsyncGeneratorPrototype : GeneratorPrototype;
    const rec: GenRecord = { state: START, frame: undefined, value: undefined, raw: false, parked: false, returnValue: undefined, queue: isAsync ? [] : undefined };
    new GenSlot$(o, rec);
    parking = rec;
    return o;
  });
  /** GeneratorYield(gen, value): the next Await is the yield of value. */
  __native.registerIntrinsic(Intrinsic.GeneratorYield, function GeneratorYield(gen: any, value: any): void {
    const rec = recordOf(gen);
    rec.value = value;
    parking = rec;
  });
  __native.registerIntrinsic(Intrinsic.GeneratorReturnSignal, RETURN);
  /**
   * GeneratorDelegateStep(gen, record, received, mode): one step of yield* over the
   * iterator record [iterator, next] (GetIterator's): passes what the generator received
   * (mode 0 next, 1 thrown, RETURN thrown: return) on to the iterator. True when the inner
   * iterator is not done: its result object is then what the generator yields (parking
   * next); false when it is done: mode 2 then gives its value. Completes a return by
   * throwing RETURN again (with the inner value) when the inner one is done.
   */
  __native.registerIntrinsic(Intrinsic.GeneratorDelegateStep, function GeneratorDelegateStep(gen: any, record: any, received: any, mode: number): any {
    const rec = recordOf(gen);
    if (mode === 2) {
      const v = rec.value;
      rec.value = undefined;
      return v;
    }
    const iterator = record[0];
    let result: any;
    if (mode === 0) {
      result = record[1].call(iterator, received);
    } else if (received !== RETURN) {
      const th = iterator.throw;
      if (th === undefined || th === null) {
        closeQuietly(iterator);
        throw new GLOBAL$.TypeError('The iterator does not provide a \'throw\' method.');
      }
      result = th.call(iterator, received);
    } else {
      const ret = iterator.return;
      if (ret === undefined || ret === null) throw RETURN;
      result = ret.call(iterator, rec.returnValue);
      if (!isObject(result)) throw new GLOBAL$.TypeError('Iterator result ' + describe(result) + ' is not an object');
      if (result.done) {
        rec.returnValue = result.value;
        throw RETURN;
      }
      rec.value = result;
      rec.raw = true;
      parking = rec;
      return true;
    }
    if (!isObject(result)) throw new GLOBAL$.TypeError('Iterator result ' + describe(result) + ' is not an object');
    if (result.done) {
      rec.value = result.value;
      return false;
    }
    rec.value = result;
    rec.raw = true;
    parking = rec;
    return true;
  });
}

installGeneratorIntrinsics();

// ---- async generators and for await ---------------------------------------------------------
// An async generator's frame runs only while a request is at the head of its queue; it
// completes requests itself (AsyncGeneratorOp from the compiled code at each yield, return
// and throw), so whoever resumed it (next(), or a promise job after an await) ignores what
// the Resume gives back.

const AsyncIteratorPrototype: any = {};
const asyncIteratorSelf = function (this: any): any {
  return this;
};
setName(asyncIteratorSelf, '[Symbol.asyncIterator]');
hidden(AsyncIteratorPrototype, SymbolAsyncIterator, asyncIteratorSelf);
const AsyncGeneratorFunctionPrototype: any = {};
const AsyncGeneratorPrototype: any = {};
__native.setPrototypeOf(AsyncGeneratorFunctionPrototype, FunctionPrototype);
__native.setPrototypeOf(AsyncGeneratorPrototype, AsyncIteratorPrototype);
__native.defineProperty(AsyncGeneratorFunctionPrototype, 'prototype', AsyncGeneratorPrototype, 4);
__native.defineProperty(AsyncGeneratorFunctionPrototype, SymbolToStringTag, 'AsyncGeneratorFunction', 4);
__native.defineProperty(AsyncGeneratorPrototype, 'constructor', AsyncGeneratorFunctionPrototype, 4);
__native.defineProperty(AsyncGeneratorPrototype, SymbolToStringTag, 'AsyncGenerator', 4);
const AsyncGeneratorFunctionC: any = function AsyncGeneratorFunction(): any {
  throw new GLOBAL$.EvalError('Code generation from strings is not supported');
};
__native.setPrototypeOf(AsyncGeneratorFunctionC, GLOBAL$.Function);
setName(AsyncGeneratorFunctionC, 'AsyncGeneratorFunction');
__native.defineProperty(AsyncGeneratorFunctionC, 'prototype', AsyncGeneratorFunctionPrototype, 0);
__native.defineProperty(AsyncGeneratorFunctionPrototype, 'constructor', AsyncGeneratorFunctionC, 4);

function newRequest(mode: number, value: any): AsyncRequest {
  const req: AsyncRequest = { mode, value, promise: undefined, resolve: undefined as any, reject: undefined as any };
  req.promise = new GLOBAL$.Promise((res: any, rej: any) => {
    req.resolve = res;
    req.reject = rej;
  });
  return req;
}

/** AsyncGeneratorEnqueue, then the generator runs if it is not already. */
function asyncRequest(gen: any, mode: number, value: any, what: string): any {
  const req = newRequest(mode, value);
  const rec = GenSlot$.get(gen);
  if (rec === undefined || rec.queue === undefined) {
    req.reject(new GLOBAL$.TypeError(what + ' method called on incompatible receiver ' + describe(gen)));
    return req.promise;
  }
  rec.queue.push(req);
  if (rec.state !== RUNNING && rec.state !== AWAITING_RETURN) asyncResumeNext(rec);
  return req.promise;
}

/** Runs the generator for the request at the head of its queue, or settles requests once it is done (AsyncGeneratorDrainQueue). */
function asyncResumeNext(rec: GenRecord): void {
  const queue = rec.queue!;
  while (queue.length > 0) {
    const req = queue[0];
    if (rec.state === START && req.mode !== NEXT) {
      rec.state = DONE;
      rec.frame = undefined;
    }
    if (rec.state === DONE) {
      if (req.mode === RETURN_MODE) {
        // AsyncGeneratorAwaitReturn
        rec.state = AWAITING_RETURN;
        let p: any;
        try {
          p = GLOBAL$.Promise.resolve(req.value);
        } catch (e) {
          rec.state = DONE;
          queue.shift();
          req.reject(e);
          continue;
        }
        p.then((v: any) => {
          rec.state = DONE;
          queue.shift();
          req.resolve({ value: v, done: true });
          asyncResumeNext(rec);
        }, (e: any) => {
          rec.state = DONE;
          queue.shift();
          req.reject(e);
          asyncResumeNext(rec);
        });
        return;
      }
      queue.shift();
      if (req.mode === THROW) req.reject(req.value);
      else req.resolve({ value: undefined, done: true });
      continue;
    }
    // suspended at its start or a yield: it reads the request with AG_RESUMPTION
    rec.state = RUNNING;
    __native.resume(rec.frame, undefined, false);
    return;
  }
}

__native.installMethods(AsyncGeneratorPrototype, {
  next(v: any): any {
    return asyncRequest(this, NEXT, v, 'AsyncGenerator.prototype.next');
  },
  return(v: any): any {
    return asyncRequest(this, RETURN_MODE, v, 'AsyncGenerator.prototype.return');
  },
  throw(v: any): any {
    return asyncRequest(this, THROW, v, 'AsyncGenerator.prototype.throw');
  },
});

/** The generator's frame is done: the head request settles, then the queue drains. */
function asyncFinish(rec: GenRecord, value: any, threw: boolean): void {
  rec.state = DONE;
  rec.frame = undefined;
  const req = rec.queue!.shift()!;
  if (threw) req.reject(value);
  else req.resolve({ value, done: true });
  asyncResumeNext(rec);
}

/** CreateAsyncFromSyncIterator: for await over a sync iterable; values are awaited. */
function asyncFromSync(record: any): any {
  const it = record[0], next = record[1];
  const continuation = (result: any): any => {
    if (!isObject(result)) throw new GLOBAL$.TypeError('Iterator result ' + describe(result) + ' is not an object');
    const done = !!result.done;
    return GLOBAL$.Promise.resolve(result.value).then((v: any) => ({ value: v, done }));
  };
  const wrapper: any = {
    next(v: any): any {
      try {
        return continuation(next.call(it, v));
      } catch (e) {
        return GLOBAL$.Promise.reject(e);
      }
    },
    return(v: any): any {
      try {
        const ret = it.return;
        if (ret === undefined || ret === null) return GLOBAL$.Promise.resolve({ value: v, done: true });
        return continuation(ret.call(it, v));
      } catch (e) {
        return GLOBAL$.Promise.reject(e);
      }
    },
  };
  return [wrapper, wrapper.next];
}

const AG_YIELD = 0, AG_RESUMPTION = 1, AG_RETURN_VALUE = 2, AG_SET_RETURN = 3, AG_FINISH = 4, AG_FINISH_THROW = 5,
  AG_GET_ASYNC_ITERATOR = 6, AG_NEXT = 7, AG_CHECK = 8, AG_CLOSE = 9, AG_DELEGATE_CALL = 10, AG_DELEGATE_RESULT = 11,
  AG_DELEGATE_START = 12, AG_DELEGATE_RESUMED = 13, AG_DELEGATE_VALUE = 14;

/**
 * AsyncGeneratorOp(gen, op, value) (intrinsics.ts Intrinsic 45), for the compiled code of async
 * generators (docs/bytecode.md, "Generators") and `for await`.
 */
__native.registerIntrinsic(Intrinsic.AsyncGeneratorOp, function AsyncGeneratorOp(gen: any, op: number, value: any): any {
  if (op === AG_GET_ASYNC_ITERATOR) {
    const m = value === undefined || value === null ? undefined : value[SymbolAsyncIterator];
    if (m === undefined || m === null) {
      const syncIt = getIterator(value);
      return asyncFromSync([syncIt, syncIt.next]);
    }
    if (!isCallable(m)) throw new GLOBAL$.TypeError(describe(m) + ' is not a function');
    const it = m.call(value);
    if (!isObject(it)) throw new GLOBAL$.TypeError('Result of the Symbol.asyncIterator method is not an object');
    return [it, it.next];
  }
  if (op === AG_NEXT) {
    const next = value[1];
    if (!isCallable(next)) throw new GLOBAL$.TypeError(describe(next) + ' is not a function');
    return next.call(value[0]);
  }
  if (op === AG_CHECK) {
    if (!isObject(value)) throw new GLOBAL$.TypeError('Iterator result ' + describe(value) + ' is not an object');
    return value;
  }
  if (op === AG_CLOSE) {
    const ret = value[0].return;
    if (ret === undefined || ret === null) return value;
    return ret.call(value[0]);
  }
  const rec = recordOf(gen);
  const queue = rec.queue!;
  // ---- yield* in an async generator: the inner iterator record and the resumption mode live in rec
  if (op === AG_DELEGATE_START) {
    rec.delegate = value;
    rec.delegateMode = 0;
    return undefined;
  }
  if (op === AG_DELEGATE_CALL) {
    // what to await: the inner next/throw/return's result; RETURN when there is no return method
    const it = rec.delegate[0], mode = rec.delegateMode;
    if (mode === 0) return rec.delegate[1].call(it, value);
    if (mode === 1) {
      const th = it.throw;
      if (th === undefined || th === null) {
        closeQuietly(it);
        throw new GLOBAL$.TypeError('The iterator does not provide a \'throw\' method.');
      }
      return th.call(it, value);
    }
    const ret = it.return;
    if (ret === undefined || ret === null) return RETURN;
    return ret.call(it, value);
  }
  if (op === AG_DELEGATE_RESULT) {
    // 0: not done, yield its value; 1: done, the yield* gives its value; 2: a return() is done
    if (!isObject(value)) throw new GLOBAL$.TypeError('Iterator result ' + describe(value) + ' is not an object');
    rec.value = value.value;
    if (!value.done) return 0;
    return rec.delegateMode === 2 ? 2 : 1;
  }
  if (op === AG_DELEGATE_RESUMED) {
    const req = queue[0];
    rec.delegateMode = req.mode === THROW ? 1 : req.mode === RETURN_MODE ? 2 : 0;
    return req.value;
  }
  if (op === AG_DELEGATE_VALUE) {
    const v = rec.value;
    rec.value = undefined;
    return v;
  }
  if (op === AG_YIELD) {
    queue.shift()!.resolve({ value, done: false });
    if (queue.length > 0) return false; // the next request continues it without suspending
    rec.state = SUSPENDED;
    parking = rec;
    return true;
  }
  if (op === AG_RESUMPTION) {
    const req = queue[0];
    if (req.mode === THROW) throw req.value;
    return req.mode === RETURN_MODE ? RETURN : req.value;
  }
  if (op === AG_RETURN_VALUE) return queue[0].value;
  if (op === AG_SET_RETURN) {
    rec.returnValue = value;
    return undefined;
  }
  if (op === AG_FINISH) {
    asyncFinish(rec, value, false);
    return undefined;
  }
  // AG_FINISH_THROW: the return() signal leaving the body completes normally
  if (value === RETURN) asyncFinish(rec, rec.returnValue, false);
  else asyncFinish(rec, value, true);
  return undefined;
});
