// Promises, async functions, queueMicrotask, timers, Date.now and the event loop
// (docs/bytecode.md, "Async functions"; runtime/README.md, "The prelude").
//
// Promise follows ECMA-262 step by step (jobs, thenable jobs, PerformPromiseThen,
// combinators), so the order of callbacks is Node's: `await` of a native promise takes one
// job, returning a promise from an async function or a then-callback takes two more (the
// PromiseResolveThenableJob and the then it calls). Timers follow Node's lib/internal/timers.js:
// one list per duration (insertion order), the lists in a priority queue by expiry then id,
// microtasks drained after every callback. Unhandled rejections end the program as Node's
// default mode ("throw") does: after the microtask queue drains, the first rejection still
// without a handler is thrown as an uncaught exception (exit status 1).
//
// The machine calls the AsyncFunction* intrinsics registered here; the top level calls
// RunEventLoop once the program's own code has run.

import {
  ErrorPrototype, GLOBAL$, SymbolToPrimitive, SymbolToStringTag, defineSpecies, describe, speciesConstructor as speciesConstructorOf, hidden, initError, install, isCallable, isObject, linkConstructor, setName, toNum,
} from './core.ts';
import { getIterator } from './iteration.ts';
import { takeGeneratorPark } from './generator.ts';
import { clearKeptObjects } from './weak.ts';
import { emitProcessEvent, exitProcess, inspectValue, setPromiseDetails } from './collections.ts';
import { Intrinsic } from '../../image-builder/bytecode/intrinsics.ts';

// Timers (below): the elements of a timer's array and of a list's, and a timer's flags. Enums,
// so that esbuild writes each use as a number (a const would be a closure slot read).
/** A timer: the Timeout, _onTimeout, _timerArgs, the list links, _idleStart, _idleTimeout (-1 once unenrolled), TF flags, its id. */
const enum TM { Timeout = 0, Callback = 1, Args = 2, Next = 3, Prev = 4, Start = 5, Idle = 6, Flags = 7, Id = 8 }
/**
 * A TimersList: Live (its msecs, or -1 while dead: emptied by a clear, which Node would have
 * deleted; one compare tells setTimeout both), expiry, id, the links (TM.Next, TM.Prev: the
 * list is its own sentinel), its heap position, msecs.
 */
const enum TL { Live = 0, Expiry = 1, Id = 2, Position = 5, Msecs = 6 }
/** _repeat (the duration is TM.Idle's), _destroyed, [kRefed], [kHasPrimitive]. */
const enum TF { Repeat = 1, Destroyed = 2, Refed = 4, HasPrimitive = 8 }

// Everything lives in one function scope: the bundle's top-level environment has a limit of
// 255 captured bindings (EnvNew's slot count is one byte), which the prelude is close to.
function installAsync(): void {
  const PENDING = 0, FULFILLED = 1, REJECTED = 2;

  /** A promise's internal slots ([[PromiseState]], [[PromiseResult]], reactions, [[PromiseIsHandled]]). */
  interface PromiseRecord {
    state: number;
    result: unknown;
    /** Reactions while pending: fulfill and reject reactions interleaved in registration order. */
    reactions: Reaction[] | undefined;
    handled: boolean;
    /** Rejected while no handler was attached, and none has been since (unhandled-rejection tracking). */
    unhandled: boolean;
  }

  /**
   * A PromiseReaction. `capability` undefined: no derived promise (await, internal). `frame`: an
   * await reaction, which resumes the parked async function instead of calling a handler.
   */
  interface Reaction {
    capability: Capability | undefined;
    fulfill: any;
    reject: any;
    frame: unknown;
  }

  /**
   * A PromiseCapability. For the intrinsic Promise, resolve/reject stay undefined and the
   * capability itself carries the resolving functions' shared [[AlreadyResolved]] (`done`);
   * resolveFn/rejectFn are made only if a combinator needs them as functions.
   */
  interface Capability {
    promise: any;
    resolve: any;
    reject: any;
    done: boolean;
    resolveFn: any;
    rejectFn: any;
  }

  // ---- internal slots: a private field stamped onto the promise object --------------------------

  class SlotBase$ {
    constructor(o: any) {
      return o;
    }
  }

  class PromiseSlot$ extends SlotBase$ {
    #rec: PromiseRecord;
    constructor(o: any, rec: PromiseRecord) {
      super(o);
      this.#rec = rec;
    }
    static get(o: any): PromiseRecord | undefined {
      return isObject(o) && #rec in o ? o.#rec : undefined;
    }
  }

  function newRecord(o: any): PromiseRecord {
    const rec: PromiseRecord = { state: PENDING, result: undefined, reactions: [], handled: false, unhandled: false };
    new PromiseSlot$(o, rec);
    return rec;
  }

  function recordOf(o: any): PromiseRecord | undefined {
    return PromiseSlot$.get(o);
  }

  // ---- the microtask (job) queue -------------------------------------------------------------------

  const JOB_REACTION = 0, JOB_THENABLE = 1, JOB_CALLBACK = 2;

  /** Jobs as flat triples (kind, a, b) plus c for thenable jobs: [kind, a, b, c] per job. */
  let jobs: any[] = [];
  let jobHead = 0;
  /**
   * Set whenever a job, a tick or a pending rejection is queued, cleared once runNextTicks
   * has emptied them all: listOnTimeout tests it between timers instead of three queues.
   */
  // eslint-disable-next-line no-var
  var workQueued = false; // var: no TDZ check on each read

  function enqueue(kind: number, a: any, b: any, c: any): void {
    workQueued = true;
    const n = jobs.length;
    jobs[n] = kind;
    jobs[n + 1] = a;
    jobs[n + 2] = b;
    jobs[n + 3] = c;
  }

  /** Runs every queued job, including those queued meanwhile (V8's RunMicrotasks). */
  function runMicrotasks(): void {
    while (jobHead < jobs.length) {
      const kind = jobs[jobHead], a = jobs[jobHead + 1], b = jobs[jobHead + 2], c = jobs[jobHead + 3];
      jobs[jobHead + 1] = undefined;
      jobs[jobHead + 2] = undefined;
      jobs[jobHead + 3] = undefined;
      jobHead += 4;
      if (jobHead >= 4096 && jobHead * 2 >= jobs.length) {
        const rest: any[] = [];
        for (let i = jobHead; i < jobs.length; i++) rest[rest.length] = jobs[i];
        jobs = rest;
        jobHead = 0;
      }
      if (kind === JOB_REACTION) reactionJob(a, b, c);
      else if (kind === JOB_THENABLE) thenableJob(a, b, c);
      else a();
    }
    clearKeptObjects(); // the checkpoint's end (weak.ts: WeakRef targets kept during the job)
  }

  /** NewPromiseReactionJob: a = reaction, b = argument, c = true for the reject side. */
  function reactionJob(reaction: Reaction, argument: any, rejected: boolean): void {
    if (reaction.frame !== undefined) {
      __native.resume(reaction.frame, argument, rejected);
      return;
    }
    const handler = rejected ? reaction.reject : reaction.fulfill;
    const cap = reaction.capability;
    let value: any = argument;
    let threw = rejected;
    if (handler !== undefined) {
      try {
        value = handler(argument);
        threw = false;
      } catch (e) {
        value = e;
        threw = true;
      }
    }
    if (cap === undefined) return;
    if (threw) capReject(cap, value);
    else capResolve(cap, value);
  }

  /** NewPromiseResolveThenableJob(promise, thenable, then). */
  function thenableJob(promise: any, thenable: any, then: any): void {
    const fns = resolvingFunctions(promise);
    try {
      __native.apply(then, thenable, [fns.resolve, fns.reject]);
    } catch (e) {
      fns.reject(e);
    }
  }

  // ---- settling ------------------------------------------------------------------------------------

  /** Rejected promises that had no handler, in order (Node's pendingUnhandledRejections). */
  let pendingRejections: any[] = [];

  function fulfillPromise(p: any, value: unknown): void {
    const rec = recordOf(p)!;
    const reactions = rec.reactions!;
    rec.result = value;
    rec.reactions = undefined;
    rec.state = FULFILLED;
    for (let i = 0; i < reactions.length; i++) enqueue(JOB_REACTION, reactions[i], value, false);
  }

  function rejectPromise(p: any, reason: unknown): void {
    const rec = recordOf(p)!;
    const reactions = rec.reactions!;
    rec.result = reason;
    rec.reactions = undefined;
    rec.state = REJECTED;
    if (!rec.handled) {
      rec.unhandled = true;
      pendingRejections[pendingRejections.length] = p;
      workQueued = true;
    }
    for (let i = 0; i < reactions.length; i++) enqueue(JOB_REACTION, reactions[i], reason, true);
  }

  /** The body of a promise resolve function (alreadyResolved already checked and set). */
  function resolvePromise(p: any, resolution: any): void {
    if (resolution === p) {
      rejectPromise(p, new GLOBAL$.TypeError('Chaining cycle detected for promise #<Promise>'));
      return;
    }
    if (!isObject(resolution)) {
      fulfillPromise(p, resolution);
      return;
    }
    let then: any;
    try {
      then = resolution.then;
    } catch (e) {
      rejectPromise(p, e);
      return;
    }
    if (!isCallable(then)) {
      fulfillPromise(p, resolution);
      return;
    }
    enqueue(JOB_THENABLE, p, resolution, then);
  }

  /** CreateResolvingFunctions(promise): two anonymous functions sharing alreadyResolved. */
  function resolvingFunctions(p: any): { resolve: any; reject: any } {
    const state = { done: false };
    return {
      resolve: makeResolve(p, state),
      reject: makeReject(p, state),
    };
  }

  function makeResolve(p: any, state: { done: boolean }): any {
    return (resolution: any): void => {
      if (state.done) return;
      state.done = true;
      resolvePromise(p, resolution);
    };
  }

  function makeReject(p: any, state: { done: boolean }): any {
    return (reason: any): void => {
      if (state.done) return;
      state.done = true;
      rejectPromise(p, reason);
    };
  }

  // ---- then ------------------------------------------------------------------------------------------

  /** PerformPromiseThen; onFulfilled/onRejected already undefined when not callable. */
  function performThen(p: any, onFulfilled: any, onRejected: any, cap: Capability | undefined, frame: unknown): void {
    const rec = recordOf(p)!;
    const reaction: Reaction = { capability: cap, fulfill: onFulfilled, reject: onRejected, frame };
    if (rec.state === PENDING) {
      rec.reactions!.push(reaction);
    } else if (rec.state === FULFILLED) {
      enqueue(JOB_REACTION, reaction, rec.result, false);
    } else {
      if (!rec.handled) rec.unhandled = false;
      enqueue(JOB_REACTION, reaction, rec.result, true);
    }
    rec.handled = true;
  }

  let PromiseC: any;

  /** A new pending promise of the intrinsic Promise (no user code runs). */
  function newPromise(): any {
    const p: any = {};
    __native.setPrototypeOf(p, PromiseC.prototype);
    newRecord(p);
    return p;
  }

  function isConstructor(c: any): boolean {
    const k = __native.valueKind(c);
    if (k === 8) return true;
    // arrows, methods, async functions, the top level and generators are not constructors
    return k === 7 && (__native.functionFlags(c) & (1 | 8 | 16 | 32 | 64)) === 0;
  }

  /** NewPromiseCapability(C). */
  function newCapability(C: any): Capability {
    if (C === PromiseC) return { promise: newPromise(), resolve: undefined, reject: undefined, done: false, resolveFn: undefined, rejectFn: undefined };
    if (!isConstructor(C)) throw new GLOBAL$.TypeError(describe(C) + ' is not a constructor');
    const cap: Capability = { promise: undefined, resolve: undefined, reject: undefined, done: false, resolveFn: undefined, rejectFn: undefined };
    const executor = (resolve: any, reject: any): void => {
      if (cap.resolve !== undefined) throw new GLOBAL$.TypeError('Promise executor has already been invoked with non-undefined arguments');
      if (cap.reject !== undefined) throw new GLOBAL$.TypeError('Promise executor has already been invoked with non-undefined arguments');
      cap.resolve = resolve;
      cap.reject = reject;
    };
    const promise = __native.construct(C, [executor]);
    if (!isCallable(cap.resolve) || !isCallable(cap.reject)) throw new GLOBAL$.TypeError('Promise resolve or reject function is not callable');
    cap.promise = promise;
    return cap;
  }

  function capResolve(cap: Capability, v: any): void {
    if (cap.resolve !== undefined) {
      cap.resolve(v);
    } else if (!cap.done) {
      cap.done = true;
      resolvePromise(cap.promise, v);
    }
  }

  function capReject(cap: Capability, e: any): void {
    if (cap.reject !== undefined) {
      cap.reject(e);
    } else if (!cap.done) {
      cap.done = true;
      rejectPromise(cap.promise, e);
    }
  }

  /** The capability's resolve function (made on demand for the intrinsic Promise). */
  function resolverOf(cap: Capability): any {
    if (cap.resolve !== undefined) return cap.resolve;
    if (cap.resolveFn === undefined) {
      cap.resolveFn = (v: any): void => capResolve(cap, v);
      cap.rejectFn = (e: any): void => capReject(cap, e);
    }
    return cap.resolveFn;
  }

  function rejecterOf(cap: Capability): any {
    if (cap.reject !== undefined) return cap.reject;
    resolverOf(cap);
    return cap.rejectFn;
  }

  /** SpeciesConstructor(promise, %Promise%). */
  function speciesConstructor(o: any): any {
    return speciesConstructorOf(o, PromiseC);
  }

  /** PromiseResolve(C, x). */
  function promiseResolve(C: any, x: any): any {
    if (recordOf(x) !== undefined) {
      if (x.constructor === C) return x;
    }
    const cap = newCapability(C);
    capResolve(cap, x);
    return cap.promise;
  }

  // ---- the Promise constructor and its methods ---------------------------------------------------------

  function definePromise(): void {
    PromiseC = function Promise(this: any, executor: any): any {
      if (new.target === undefined) throw new GLOBAL$.TypeError("Promise constructor cannot be invoked without 'new'");
      if (!isCallable(executor)) {
        const what = typeof executor === 'string' ? executor : describe(executor);
        throw new GLOBAL$.TypeError('Promise resolver ' + what + ' is not a function');
      }
      newRecord(this);
      const fns = resolvingFunctions(this);
      try {
        executor(fns.resolve, fns.reject);
      } catch (e) {
        fns.reject(e);
      }
    };
    const proto: any = {};
    linkConstructor(PromiseC, proto, 'Promise');
    defineSpecies(PromiseC);
    hidden(GLOBAL$, 'Promise', PromiseC);
    __native.defineProperty(proto, SymbolToStringTag, 'Promise', 4);
    __native.installMethods(proto, {
      then(this: any, onFulfilled: any, onRejected: any): any {
        if (recordOf(this) === undefined) throw new GLOBAL$.TypeError('Method Promise.prototype.then called on incompatible receiver ' + describe(this));
        const cap = newCapability(speciesConstructor(this));
        performThen(this, isCallable(onFulfilled) ? onFulfilled : undefined, isCallable(onRejected) ? onRejected : undefined, cap, undefined);
        return cap.promise;
      },
      catch(this: any, onRejected: any): any {
        return this.then(undefined, onRejected);
      },
      finally(this: any, onFinally: any): any {
        if (!isObject(this)) throw new GLOBAL$.TypeError('Method Promise.prototype.finally called on incompatible receiver ' + describe(this));
        const C = speciesConstructor(this);
        if (!isCallable(onFinally)) return this.then(onFinally, onFinally);
        const thenFinally = (value: any): any => {
          const result = onFinally();
          const p = promiseResolve(C, result);
          return p.then(() => value);
        };
        const catchFinally = (reason: any): any => {
          const result = onFinally();
          const p = promiseResolve(C, result);
          return p.then(() => {
            throw reason;
          });
        };
        return this.then(thenFinally, catchFinally);
      },
    });
    __native.installMethods(PromiseC, {
      resolve(this: any, x: any): any {
        if (!isObject(this)) throw new GLOBAL$.TypeError('PromiseResolve called on non-object');
        return promiseResolve(this, x);
      },
      reject(this: any, r: any): any {
        if (!isObject(this)) throw new GLOBAL$.TypeError('PromiseReject called on non-object');
        const cap = newCapability(this);
        capReject(cap, r);
        return cap.promise;
      },
      all(this: any, iterable: any): any {
        return combinator(this, iterable, ALL);
      },
      allSettled(this: any, iterable: any): any {
        return combinator(this, iterable, ALL_SETTLED);
      },
      any(this: any, iterable: any): any {
        return combinator(this, iterable, ANY);
      },
      race(this: any, iterable: any): any {
        return combinator(this, iterable, RACE);
      },
    });
    // The order Node lists them in (Object.getOwnPropertyNames(Promise)).
    const statics = ['all', 'allSettled', 'any', 'race', 'resolve', 'reject'];
    for (let i = 0; i < statics.length; i++) {
      const f = PromiseC[statics[i]];
      __native.deleteProperty(PromiseC, statics[i]);
      hidden(PromiseC, statics[i], f);
    }
  }

  // ---- Promise.all / allSettled / any / race -----------------------------------------------------------

  const ALL = 0, ALL_SETTLED = 1, ANY = 2, RACE = 3;

  /** The iterator of a combinator's argument, with V8's message when it is not iterable. */
  function combinatorIterator(v: any): any {
    try {
      return getIterator(v);
    } catch (e) {
      if (e instanceof GLOBAL$.TypeError && !isIterableLike(v)) {
        let what: string;
        if (v === undefined) what = 'undefined';
        else if (v === null) what = 'object null';
        else if (typeof v === 'number') what = 'number ' + describe(v);
        else if (typeof v === 'boolean') what = 'boolean ' + describe(v);
        else if (isCallable(v)) what = 'function ' + describe(v);
        else if (isObject(v)) what = 'object';
        else what = describe(v);
        throw new GLOBAL$.TypeError(what + ' is not iterable (cannot read property Symbol(Symbol.iterator))');
      }
      throw e;
    }
  }

  function isIterableLike(v: any): boolean {
    const k = __native.valueKind(v);
    return k === 4 || k === 6;
  }

  function combinator(C: any, iterable: any, kind: number): any {
    const cap = newCapability(C);
    let promiseResolveFn: any;
    let iter: any;
    try {
      promiseResolveFn = C.resolve;
      if (!isCallable(promiseResolveFn)) throw new GLOBAL$.TypeError('Promise resolve or reject function is not callable');
      iter = combinatorIterator(iterable);
    } catch (e) {
      capReject(cap, e);
      return cap.promise;
    }
    const state = { done: false };
    try {
      performCombinator(C, cap, promiseResolveFn, iter, state, kind);
    } catch (e) {
      if (!state.done) {
        try {
          const ret = iter.return;
          if (ret !== undefined && ret !== null) __native.apply(ret, iter, []);
        } catch (_) {
          // IteratorClose with a throw completion: the original error wins.
        }
      }
      capReject(cap, e);
    }
    return cap.promise;
  }

  function performCombinator(C: any, cap: Capability, promiseResolveFn: any, iter: any, state: { done: boolean }, kind: number): void {
    const values: any[] = [];
    const remaining = { count: 1 };
    let index = 0;
    const next = iter.next;
    for (;;) {
      state.done = true; // errors of next() and of the result's getters do not close the iterator
      const r = __native.apply(next, iter, []);
      if (!isObject(r)) throw new GLOBAL$.TypeError('Iterator result ' + describe(r) + ' is not an object');
      if (r.done) {
        if (kind === RACE) return;
        remaining.count--;
        if (remaining.count === 0) finishCombinator(cap, values, kind);
        return;
      }
      const value = r.value;
      state.done = false;
      if (kind !== RACE) values.push(undefined);
      const nextPromise = __native.apply(promiseResolveFn, C, [value]);
      if (kind === RACE) {
        nextPromise.then(resolverOf(cap), rejecterOf(cap));
      } else {
        remaining.count++;
        const i = index;
        const called = { done: false };
        const finish = (): void => {
          remaining.count--;
          if (remaining.count === 0) finishCombinator(cap, values, kind);
        };
        let onFulfilled: any, onRejected: any;
        if (kind === ALL) {
          onFulfilled = (x: any): void => {
            if (called.done) return;
            called.done = true;
            values[i] = x;
            finish();
          };
          onRejected = rejecterOf(cap);
        } else if (kind === ALL_SETTLED) {
          onFulfilled = (x: any): void => {
            if (called.done) return;
            called.done = true;
            values[i] = { status: 'fulfilled', value: x };
            finish();
          };
          onRejected = (x: any): void => {
            if (called.done) return;
            called.done = true;
            values[i] = { status: 'rejected', reason: x };
            finish();
          };
        } else {
          onFulfilled = resolverOf(cap);
          onRejected = (x: any): void => {
            if (called.done) return;
            called.done = true;
            values[i] = x;
            finish();
          };
        }
        nextPromise.then(onFulfilled, onRejected);
      }
      index++;
    }
  }

  function finishCombinator(cap: Capability, values: any[], kind: number): void {
    const list: any[] = [];
    for (let i = 0; i < values.length; i++) list.push(values[i]);
    if (kind === ANY) {
      const err = new AggregateErrorC(list, 'All promises were rejected');
      capReject(cap, err);
    } else {
      capResolve(cap, list);
    }
  }

  // ---- AggregateError ------------------------------------------------------------------------------------

  let AggregateErrorC: any;

  function defineAggregateError(): void {
    AggregateErrorC = function AggregateError(this: any, errors: any, message?: any, options?: any): any {
      if (new.target === undefined) return __native.construct(AggregateErrorC, [errors, message, options]);
      initError(this, message, options);
      const list: any[] = [];
      const it = getIterator(errors);
      for (;;) {
        const r = it.next();
        if (r.done) break;
        list.push(r.value);
      }
      hidden(this, 'errors', list);
    };
    const proto: any = {};
    __native.setPrototypeOf(proto, ErrorPrototype);
    __native.setPrototypeOf(AggregateErrorC, GLOBAL$.Error);
    linkConstructor(AggregateErrorC, proto, 'AggregateError');
    withLength(AggregateErrorC, 2);
    hidden(proto, 'name', 'AggregateError');
    hidden(proto, 'message', '');
    hidden(GLOBAL$, 'AggregateError', AggregateErrorC);
  }

  // ---- async functions (the machine's intrinsics) -------------------------------------------------------

  function registerAsyncFunctions(): void {
    __native.registerIntrinsic(Intrinsic.AsyncFunctionStart, function AsyncFunctionStart(): any {
      return newPromise();
    });
    __native.registerIntrinsic(Intrinsic.AsyncFunctionResolve, function AsyncFunctionResolve(p: any, value: any): void {
      resolvePromise(p, value);
    });
    __native.registerIntrinsic(Intrinsic.AsyncFunctionReject, function AsyncFunctionReject(p: any, reason: any): void {
      rejectPromise(p, reason);
    });
    __native.registerIntrinsic(Intrinsic.AsyncFunctionAwait, function AsyncFunctionAwait(value: any, frame: unknown): void {
      if (takeGeneratorPark(frame)) return; // a generator parking at its start or a yield
      const p = promiseResolve(PromiseC, value);
      performThen(p, undefined, undefined, undefined, frame);
    });
  }

  // ---- queueMicrotask -----------------------------------------------------------------------------------

  /** Node's ERR_INVALID_ARG_TYPE message for a `callback` argument that is not a function. */
  function invalidCallback(v: any): any {
    let received: string;
    if (v === undefined || v === null) received = 'Received ' + (v === undefined ? 'undefined' : 'null');
    else if (isCallable(v)) received = 'Received function ' + (v.name || '<anonymous>');
    else if (isObject(v)) {
      const c = v.constructor;
      const n = isCallable(c) ? c.name : '';
      received = n ? 'Received an instance of ' + n : 'Received ' + inspectValue(v);
    } else {
      let shown = inspectValue(v);
      if (typeof v === 'string' && v.length > 28) shown = inspectValue(__native.stringSlice(v, 0, 25)) + '...';
      received = 'Received type ' + typeof v + ' (' + shown + ')';
    }
    const e = new GLOBAL$.TypeError('The "callback" argument must be of type function. ' + received);
    hidden(e, 'code', 'ERR_INVALID_ARG_TYPE');
    return e;
  }

  function defineQueueMicrotask(): void {
    defineGlobalFunction('queueMicrotask', function queueMicrotask(callback: any): void {
      if (!isCallable(callback)) throw invalidCallback(callback);
      enqueue(JOB_CALLBACK, callback, undefined, undefined);
    });
  }

  // ---- timers (Node's lib/internal/timers.js) ------------------------------------------------------------
  //
  // The structures are Node's: one list per duration in insertion order (doubly linked, the
  // list its own sentinel, so an insert or remove is O(1)), the lists in a binary heap by
  // expiry then id. A timer's state is one array (TM below: one allocation of the right
  // size, elements read and written by constant index), held by the Timeout object through
  // a hidden symbol-keyed property; lists are arrays too (TL), sharing TM.Next/TM.Prev.
  // Making a timer costs one call (setTimeout's own) and two allocations besides the
  // Timeout (the array, setTimeout's rest parameter); running one, the callback's call.
  // Module state is `var`: read through this function's environment without the TDZ
  // check a `let` would cost each access (the functions below run only after
  // installAsync has initialised it).

  /** The loop's clock: whole milliseconds (libuv's uv_now, which Node's getLibuvNow updates first). */
  function getLibuvNow(): number {
    return __native.mathFloor(__native.monotonicNow());
  }

  /* eslint-disable no-var */
  var timerListId = 0;
  /** Lists by duration (timerListMap). A list whose last timer was cleared stays here, dead (TL.Live -1), until reused or it reaches the top of the queue. */
  var timerListMap: any = {};
  /** The priority queue of lists (a binary heap) by expiry, then id. */
  var queue: any[] = [];
  /** Timers that keep the loop alive (refed and not yet run or cleared). */
  var refCount = 0;
  /** The last timer id given (Node's async ids: what a Timeout's Symbol.toPrimitive returns). */
  var lastTimerId = 0;
  /** Timeouts by id once Symbol.toPrimitive has given theirs (clearTimeout(id) finds them). */
  var knownTimersById: any = __native.setPrototypeOf({}, null);
  /** The list a timer was last added to (timerListMap[lastList[TL.Msecs]] === lastList), or undefined. */
  var lastList: any[] | undefined;
  /** The list listOnTimeout is running: never revived while it runs (Node makes a new one). */
  var runningList: any[] | undefined;
  /** The key of a Timeout's timer (TM), a non-enumerable property only the prelude can name. */
  var kTimer: any = __native.newSymbol('timer');
  /** Timeout.prototype. */
  var TimeoutProto: any = {};
  /* eslint-enable no-var */

  /** The list's place in the heap: before b? */
  function listBefore(a: any[], b: any[]): boolean {
    const x = a[TL.Expiry], y = b[TL.Expiry];
    return x !== y ? x < y : a[TL.Id] < b[TL.Id];
  }

  function percolateUp(i: number): void {
    const item = queue[i];
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = queue[parent];
      if (!listBefore(item, p)) break;
      queue[i] = p;
      p[TL.Position] = i;
      i = parent;
    }
    queue[i] = item;
    item[TL.Position] = i;
  }

  function percolateDown(i: number): void {
    const n = queue.length;
    const item = queue[i];
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && listBefore(queue[child + 1], queue[child])) child++;
      const c = queue[child];
      if (!listBefore(c, item)) break;
      queue[i] = c;
      c[TL.Position] = i;
      i = child;
    }
    queue[i] = item;
    item[TL.Position] = i;
  }

  function queueRemoveAt(i: number): void {
    const n = queue.length - 1;
    const last = queue[n];
    queue[i][TL.Position] = -1;
    queue.length = n;
    if (i < n) {
      queue[i] = last;
      last[TL.Position] = i;
      percolateDown(i);
      percolateUp(last[TL.Position]);
    }
  }

  /** A new list for msecs starting at start, in the map and the queue (new TimersList + timerListQueue.insert). */
  function newList(msecs: number, start: number): any[] {
    const list: any[] = [msecs, start + msecs, timerListId++, undefined, undefined, queue.length, msecs];
    list[TM.Next] = list;
    list[TM.Prev] = list;
    timerListMap[msecs] = list;
    queue[queue.length] = list;
    percolateUp(list[TL.Position]);
    return list;
  }

  /** Takes a list out of the queue and (when it is there) the map, as Node deletes an empty one. */
  function dropList(list: any[]): void {
    queueRemoveAt(list[TL.Position]);
    if (timerListMap[list[TL.Msecs]] === list) timerListMap[list[TL.Msecs]] = undefined;
    if (lastList === list) lastList = undefined;
  }

  /** The first list of the queue that is not dead (the dead ones above it are dropped), or undefined. */
  function timersHead(): any[] | undefined {
    while (queue.length !== 0) {
      const list = queue[0];
      if (list[TL.Live] !== -1) return list;
      dropList(list);
    }
    return undefined;
  }

  /**
   * The list a timer of msecs (whole) inserted at start goes to: timerListMap's, or a new
   * one as Node's insert makes it (a dead one takes the new one's key instead). It becomes
   * lastList.
   */
  function listFor(msecs: number, start: number): any[] {
    let list = timerListMap[msecs];
    if (list === undefined) list = newList(msecs, start);
    else if (list[TL.Live] === -1) {
      // (never the running list: a clear takes that one out of the map)
      list[TL.Live] = msecs;
      list[TL.Expiry] = start + msecs;
      list[TL.Id] = timerListId++;
      if (queue.length > 1) {
        percolateUp(list[TL.Position]);
        percolateDown(list[TL.Position]);
      }
    }
    lastList = list;
    return list;
  }

  /** insert(item, msecs, start): appends the timer (unlinked from its list first) to the list of its duration. */
  function insert(t: any[], msecs: number, start: number): void {
    msecs = msecs | 0; // MathTrunc: msecs is in [1, TIMEOUT_MAX]
    t[TM.Start] = start;
    let list = lastList;
    if (list === undefined || list[TL.Live] !== msecs) list = listFor(msecs, start);
    const next = t[TM.Next];
    if (next !== undefined) {
      const prev = t[TM.Prev];
      next[TM.Prev] = prev;
      prev[TM.Next] = next;
    }
    const last = list![TM.Prev];
    t[TM.Next] = list;
    t[TM.Prev] = last;
    last[TM.Next] = t;
    list![TM.Prev] = t;
  }

  let TimeoutC: any;

  /**
   * The timer (TM) of a Timeout object, else undefined. Its kTimer property is found by an
   * ordinary lookup; the timer's own TM.Timeout tells a Timeout from an object that only
   * inherits one (no native call: this is on clearTimeout's path).
   */
  function timerOf(o: any): any[] | undefined {
    if (o === undefined || o === null) return undefined;
    const t = o[kTimer];
    return t !== undefined && t[TM.Timeout] === o ? t : undefined;
  }

  /**
   * setTimeout: new Timeout(callback, after, args) and its insert, in one function (a call
   * costs as much as a tenth of the work). Declared here, not in defineTimers, so that the
   * module state is one environment away.
   */
  function setTimeoutImpl(callback: any, after?: any, ...args: any[]): any {
    if (typeof callback !== 'function') throw invalidCallback(callback);
    if (typeof after !== 'number') after = toNum(after);
    if (!(after >= 1 && after <= 2147483647)) { // TIMEOUT_MAX
      if (after > 2147483647) warnTimeoutOverflow(after);
      after = 1;
    }
    // insert(timer, after, getLibuvNow()), written out
    const start = __native.mathFloor(__native.monotonicNow());
    const msecs = after | 0; // MathTrunc: after is in [1, TIMEOUT_MAX]
    let list = lastList;
    if (list === undefined || list[TL.Live] !== msecs) {
      if (list !== undefined && list[TL.Msecs] === msecs && queue.length === 1) {
        // dead (emptied by a clear): Node's new list, here the dead one with a new key
        // (listFor's revival, without the heap work: it is the only list)
        list[TL.Live] = msecs;
        list[TL.Expiry] = start + msecs;
        list[TL.Id] = timerListId++;
      } else list = listFor(msecs, start);
    }
    const last = list![TM.Prev];
    const timeout: any = {};
    const t: any[] = [timeout, callback, args.length === 0 ? undefined : args, list, last, start, after, TF.Refed];
    __native.setPrototypeOf(timeout, TimeoutProto);
    __native.defineProperty(timeout, kTimer, t, 0);
    last[TM.Next] = t;
    list![TM.Prev] = t;
    refCount++;
    return timeout;
  }

  /** setInterval: setTimeout's timer, made to repeat (Node's _repeat = the duration, TM.Idle here). */
  function setIntervalImpl(callback: any, repeat?: any, ...args: any[]): any {
    let timeout: any;
    if (args.length === 0) timeout = setTimeoutImpl(callback, repeat);
    else {
      const all: any[] = [callback, repeat];
      for (let i = 0; i < args.length; i++) all[i + 2] = args[i];
      timeout = __native.apply(setTimeoutImpl, undefined, all);
    }
    const t = timeout[kTimer];
    t[TM.Flags] |= TF.Repeat;
    return timeout;
  }

  /** Node's TimeoutOverflowWarning (process.emitWarning prints it on stderr). */
  function warnTimeoutOverflow(after: number): void {
    emitWarning(after + ' does not fit into a 32-bit signed integer.\nTimeout duration was set to 1.', 'TimeoutOverflowWarning');
  }

  /** A timer done (run or cleared): no longer alive, its id forgotten. */
  function destroyTimer(t: any[], f: number): void {
    t[TM.Flags] = f | TF.Destroyed;
    if ((f & TF.HasPrimitive) !== 0) knownTimersById[t[TM.Id]] = undefined;
    if ((f & TF.Refed) !== 0) refCount--;
  }

  /**
   * clearTimeout (clearInterval calls it, as Node's does): of a Timeout, or of the id (a
   * number or string) its Symbol.toPrimitive gave; anything else is ignored. Node's
   * unenroll written out (a call costs as much as a fifth of the work).
   */
  function clearTimeoutImpl(timer: any): void {
    if (timer === undefined || timer === null) return;
    // timerOf(timer), written out
    let t = timer[kTimer];
    if (t === undefined || t[TM.Timeout] !== timer) {
      if (typeof timer !== 'number' && typeof timer !== 'string') return;
      const timeout = knownTimersById[timer];
      if (timeout === undefined) return;
      t = timeout[kTimer];
    }
    if (t[TM.Callback] === undefined) return;
    t[TM.Callback] = undefined;
    // unenroll(t)
    const f = t[TM.Flags];
    if ((f & TF.Destroyed) !== 0) return;
    const next = t[TM.Next];
    if (next !== undefined) {
      const prev = t[TM.Prev];
      next[TM.Prev] = prev;
      prev[TM.Next] = next;
      t[TM.Next] = undefined;
    }
    // Node looks the list up by the untruncated duration (so a fractional one finds none)
    // and deletes it when empty; here it is marked dead (setTimeout revives it, the queue
    // drops it when it comes to the top).
    const idle = t[TM.Idle];
    let list = lastList;
    if (list === undefined || list[TL.Msecs] !== idle) list = (idle | 0) === idle ? timerListMap[idle] : undefined;
    if (list !== undefined && list[TM.Next] === list) {
      list[TL.Live] = -1;
      if (list === runningList) {
        // out of the map at once: a timer added while it runs goes to a new list, as in Node
        timerListMap[idle] = undefined;
        if (lastList === list) lastList = undefined;
      }
    }
    t[TM.Idle] = -1;
    t[TM.Flags] = f | TF.Destroyed;
    if ((f & TF.HasPrimitive) !== 0) knownTimersById[t[TM.Id]] = undefined;
    if ((f & TF.Refed) !== 0) refCount--;
  }

  function listOnTimeout(list: any[], now: number): void {
    const msecs = list[TL.Msecs];
    let ranAtLeastOneTimer = false;
    runningList = list;
    for (;;) {
      const t = list[TM.Next];
      if (t === list) break;
      const start = t[TM.Start];
      if (now - start < msecs) {
        list[TL.Expiry] = start + msecs > now + 1 ? start + msecs : now + 1;
        list[TL.Id] = timerListId++;
        percolateDown(list[TL.Position]);
        runningList = undefined;
        return;
      }
      // runNextTicks() between timers, called only when something was queued
      if (workQueued && ranAtLeastOneTimer) runNextTicks();
      ranAtLeastOneTimer = true;
      // L.remove(timer): the list's first (TM.Prev is left: read only while TM.Next is set)
      const next = t[TM.Next];
      list[TM.Next] = next;
      next[TM.Prev] = list;
      t[TM.Next] = undefined;
      const callback = t[TM.Callback];
      if (callback === undefined) {
        const f = t[TM.Flags];
        if ((f & TF.Destroyed) === 0) destroyTimer(t, f);
        continue;
      }
      const repeatStart = (t[TM.Flags] & TF.Repeat) !== 0 ? getLibuvNow() : 0;
      // Node runs the callback in try/finally, for the uncaughtException handlers that may
      // let the loop go on; here an exception from a callback always ends the program (no
      // such handlers: docs/architecture.md, "process events"), so nothing after it could
      // see the finally's work, and the try would cost every timer.
      const args = t[TM.Args];
      if (args === undefined) __native.call(callback, t[TM.Timeout]);
      else __native.apply(callback, t[TM.Timeout], args);
      const f = t[TM.Flags];
      if ((f & (TF.Repeat | TF.Destroyed | TF.HasPrimitive)) === 0) {
        // the common case: a one-shot timer without an id, not cleared by its callback (nor refreshed)
        if (t[TM.Next] === undefined) {
          t[TM.Flags] = f | TF.Destroyed;
          if ((f & TF.Refed) !== 0) refCount--;
        }
      } else if ((f & TF.Repeat) !== 0 && t[TM.Idle] !== -1) insert(t, t[TM.Idle], repeatStart);
      else if (t[TM.Next] === undefined && (f & TF.Destroyed) === 0) {
        // destroyTimer(t, f), written out
        t[TM.Flags] = f | TF.Destroyed;
        if ((f & TF.HasPrimitive) !== 0) knownTimersById[t[TM.Id]] = undefined;
        if ((f & TF.Refed) !== 0) refCount--;
      }
    }
    runningList = undefined;
    // empty: out of the queue and the map (unless a cleared timer's insert already replaced it there)
    if (timerListMap[msecs] === list) dropList(list);
    else if (list[TL.Live] === -1) queueRemoveAt(list[TL.Position]);
  }

  /** processTimers(now): runs every list whose expiry has come, microtasks between lists. */
  function processTimers(now: number): void {
    let ranAtLeastOneList = false;
    for (;;) {
      const list = timersHead();
      if (list === undefined || list[TL.Expiry] > now) return;
      if (ranAtLeastOneList) runNextTicks();
      else ranAtLeastOneList = true;
      listOnTimeout(list, now);
    }
  }

  function defineTimers(): void {
    TimeoutC = function Timeout(): any {
      throw new GLOBAL$.TypeError('Illegal constructor');
    };
    const proto: any = TimeoutProto;
    linkConstructor(TimeoutC, proto, 'Timeout');
    install(proto, {
      ref(this: any): any {
        const t = timerOf(this);
        if (t !== undefined) {
          const f = t[TM.Flags];
          if ((f & TF.Refed) === 0) {
            t[TM.Flags] = f | TF.Refed;
            if ((f & TF.Destroyed) === 0) refCount++;
          }
        }
        return this;
      },
      unref(this: any): any {
        const t = timerOf(this);
        if (t !== undefined) {
          const f = t[TM.Flags];
          if ((f & TF.Refed) !== 0) {
            t[TM.Flags] = f & ~TF.Refed;
            if ((f & TF.Destroyed) === 0) refCount--;
          }
        }
        return this;
      },
      hasRef(this: any): boolean {
        const t = timerOf(this);
        return t !== undefined && (t[TM.Flags] & TF.Refed) !== 0;
      },
      refresh(this: any): any {
        const t = timerOf(this);
        if (t !== undefined && t[TM.Idle] >= 0) {
          insert(t, t[TM.Idle], getLibuvNow());
          const f = t[TM.Flags];
          if ((f & TF.Destroyed) !== 0) {
            t[TM.Flags] = f & ~TF.Destroyed;
            if ((f & TF.Refed) !== 0) refCount++;
          }
        }
        return this;
      },
      close(this: any): any {
        clearTimeoutImpl(this);
        return this;
      },
      [SymbolToPrimitive](this: any): any {
        const t = timerOf(this);
        if (t === undefined) return undefined;
        const f = t[TM.Flags];
        if ((f & TF.HasPrimitive) === 0) {
          // the id is given here, not when the timer is made (Node's async id is): a counter
          // of its own, so no program can rely on its value matching Node's anyway
          t[TM.Flags] = f | TF.HasPrimitive;
          t[TM.Id] = ++lastTimerId;
          knownTimersById[t[TM.Id]] = this;
        }
        return t[TM.Id];
      },
    });
    defineGlobalFunction('setTimeout', withLength(setTimeoutImpl, 5));
    defineGlobalFunction('setInterval', withLength(setIntervalImpl, 5));
    defineGlobalFunction('clearTimeout', clearTimeoutImpl);
    defineGlobalFunction('clearInterval', function clearInterval(timer: any): void {
      clearTimeoutImpl(timer);
    });
  }

  /** A global function; its name is set explicitly (esbuild renames function expressions named like globals). */
  function defineGlobalFunction(name: string, f: any): void {
    setName(f, name);
    hidden(GLOBAL$, name, f);
  }

  function withLength(f: any, n: number): any {
    __native.defineProperty(f, 'length', n, 4);
    return f;
  }

  // ---- performance.now ---------------------------------------------------------------------

  function defineClocks(): void {
    // (Date is runtime/prelude/date.ts)
    const performance: any = {};
    hidden(GLOBAL$, 'performance', performance);
    install(performance, {
      now(): number {
        return __native.monotonicNow();
      },
    });
  }

  // ---- the event loop ------------------------------------------------------------------------------------

  /** Node's processPromiseRejections in "throw" mode: the first rejection still unhandled ends the program. */
  function processRejections(): boolean {
    if (pendingRejections.length === 0) return false;
    const list = pendingRejections;
    pendingRejections = [];
    for (let i = 0; i < list.length; i++) {
      const rec = recordOf(list[i])!;
      if (!rec.unhandled) continue;
      rec.unhandled = false;
      const reason: any = rec.result;
      if (isObject(reason) && __native.propertyFlags(reason, 'stack') >= 0) throw reason;
      const err = new GLOBAL$.Error('This error originated either by throwing inside of an async function without a catch block, ' +
        'or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason "' + inspectValue(reason) + '".');
      hidden(err, 'name', 'UnhandledPromiseRejection');
      hidden(err, 'stack', 'UnhandledPromiseRejection: ' + err.message);
      err.code = 'ERR_UNHANDLED_REJECTION';
      throw err;
    }
    return jobHead < jobs.length;
  }

  // ---- process.nextTick, setImmediate ---------------------------------------------------------------------

  /** process.nextTick's queue: [callback, args] pairs; it runs before the microtasks (Node's processTicksAndRejections). */
  let ticks: any[] = [];
  let tickHead = 0;
  /** setImmediate's queue (the check phase): Immediate objects in order; cleared ones have callback undefined. */
  let immediates: any[] = [];
  let ImmediateC: any;

  /** processTicksAndRejections: every nextTick callback, then the microtasks, until none of either is left and no rejection is pending. */
  function runNextTicks(): void {
    // nothing queued: what the loop below would find at once (listOnTimeout calls this between timers)
    if (tickHead >= ticks.length && jobHead >= jobs.length && pendingRejections.length === 0) {
      workQueued = false;
      return;
    }
    do {
      while (tickHead < ticks.length) {
        const callback = ticks[tickHead], args = ticks[tickHead + 1];
        ticks[tickHead] = undefined;
        ticks[tickHead + 1] = undefined;
        tickHead += 2;
        if (tickHead === ticks.length) {
          ticks = [];
          tickHead = 0;
        }
        if (args === undefined) callback();
        else __native.apply(callback, undefined, args);
      }
      runMicrotasks();
    } while (tickHead < ticks.length || processRejections());
    workQueued = false;
  }

  /** process.emitWarning(message, type) as Node's default handler shows it: on stderr, a tick later. */
  let warnedOnce = false;
  function emitWarning(message: string, type: string): void {
    const warning = new GLOBAL$.Error(message);
    hidden(warning, 'name', type);
    ticks[ticks.length] = () => {
      emitProcessEvent('warning', warning);
      const pid = GLOBAL$.process.pid;
      let text = '(node:' + (pid === undefined ? 1 : pid) + ') ' + type + ': ' + message + '\n';
      if (!warnedOnce) text += '(Use `node --trace-warnings ...` to show where the warning was created)\n';
      warnedOnce = true;
      __native.writeStderr(text);
    };
    ticks[ticks.length] = undefined;
    workQueued = true;
  }

  /** processImmediate: the immediates queued before this check phase, ticks and microtasks after each. */
  function processImmediates(): void {
    const list = immediates;
    immediates = [];
    let ran = false;
    for (let i = 0; i < list.length; i++) {
      const imm = list[i];
      const callback = imm.callback$;
      if (callback === undefined) continue;
      if (ran) runNextTicks();
      else ran = true;
      imm.callback$ = undefined;
      const args = imm.args$;
      imm.args$ = undefined;
      if (args === undefined) callback();
      else __native.apply(callback, undefined, args);
    }
  }

  function hasImmediates(): boolean {
    for (let i = 0; i < immediates.length; i++) if (immediates[i].callback$ !== undefined && immediates[i].refed$) return true;
    return false;
  }

  function defineTicksAndImmediates(): void {
    const process = GLOBAL$.process;
    const nextTick = function nextTick(callback: any, ...args: any[]): void {
      if (!isCallable(callback)) throw invalidCallback(callback);
      ticks[ticks.length] = callback;
      ticks[ticks.length] = args.length === 0 ? undefined : args;
      workQueued = true;
    };
    setName(nextTick, 'nextTick');
    hidden(process, 'nextTick', nextTick);
    ImmediateC = function Immediate(): any {
      throw new GLOBAL$.TypeError('Illegal constructor');
    };
    const proto: any = {};
    linkConstructor(ImmediateC, proto, 'Immediate');
    install(proto, {
      ref(this: any): any {
        this.refed$ = true;
        return this;
      },
      unref(this: any): any {
        this.refed$ = false;
        return this;
      },
      hasRef(this: any): boolean {
        return this.refed$ === true;
      },
    });
    defineGlobalFunction('setImmediate', withLength(function setImmediate(callback: any, ...args: any[]): any {
      if (!isCallable(callback)) throw invalidCallback(callback);
      const imm: any = {};
      __native.setPrototypeOf(imm, proto);
      hidden(imm, 'callback$', callback);
      hidden(imm, 'args$', args.length === 0 ? undefined : args);
      hidden(imm, 'refed$', true);
      immediates[immediates.length] = imm;
      return imm;
    }, 4));
    defineGlobalFunction('clearImmediate', function clearImmediate(imm: any): void {
      if (isObject(imm) && __native.getPrototypeOf(imm) === proto) imm.callback$ = undefined;
    });
  }

  function runEventLoop(): void {
    // The program is an ES module, whose evaluation Node runs as a promise job: the jobs it
    // queued run first, then the nextTick queue (CommonJS scripts would do the reverse).
    runMicrotasks();
    runNextTicks();
    for (;;) {
      // A kernel's interrupt hook (Intrinsic.InterruptHook) runs the handlers of the IRQs
      // that arrived and keeps the loop alive: interrupts can always bring more work.
      const hook = __native.loadIntrinsic(Intrinsic.InterruptHook);
      if (hook !== undefined) {
        hook();
        runNextTicks();
      }
      // the timers phase, then the check phase (setImmediate), as libuv orders them
      let ran = false;
      if (refCount > 0 && timersHead() !== undefined) {
        const now = getLibuvNow();
        if (timersHead()![TL.Expiry] <= now) {
          processTimers(now);
          runNextTicks();
          ran = true;
        }
      }
      if (immediates.length > 0) {
        const keep = hasImmediates();
        processImmediates();
        runNextTicks();
        if (keep) ran = true;
      }
      if (ran) continue;
      const head = refCount > 0 ? timersHead() : undefined;
      const timers = head !== undefined;
      if (!timers && hook === undefined) break;
      // Nothing is due: run a user process if the kernel has one (Intrinsic.RunUser), else
      // halt until the next timer or a claimed interrupt.
      const runUser = __native.loadIntrinsic(Intrinsic.RunUser);
      if (runUser !== undefined && runUser()) {
        runNextTicks();
        continue;
      }
      __native.idle(timers ? head![TL.Expiry] : Infinity);
    }
    // Nothing is left to do: 'beforeExit' (its listeners may queue more work, and the loop
    // goes on), then 'exit', and the program ends as Node's does, with process.exitCode.
    const code = GLOBAL$.process.exitCode;
    const status = code === undefined ? 0 : toNum(code) | 0;
    if (emitProcessEvent('beforeExit', status)) {
      runNextTicks();
      if ((refCount > 0 && timersHead() !== undefined) || hasImmediates()) {
        runEventLoop();
        return;
      }
    }
    exitProcess(GLOBAL$.process.exitCode === undefined ? 0 : toNum(GLOBAL$.process.exitCode) | 0);
  }

  definePromise();
  defineAggregateError();
  registerAsyncFunctions();
  defineQueueMicrotask();
  defineTimers();
  defineClocks();
  defineTicksAndImmediates();
  __native.registerIntrinsic(Intrinsic.RunEventLoop, runEventLoop);
  setPromiseDetails((obj: any) => {
    const rec = recordOf(obj);
    return rec === undefined ? undefined : { state: rec.state, result: rec.result };
  });
}

installAsync();
