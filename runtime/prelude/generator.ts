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

import { FunctionPrototype, GLOBAL$, SymbolToStringTag, describe, install, isObject, setName } from './core.ts';
import { IteratorPrototype, incompatibleReceiver } from './iteration.ts';

const START = 0, SUSPENDED = 1, RUNNING = 2, DONE = 3;

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

install(GeneratorPrototype, {
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
  __native.registerIntrinsic(38, function GeneratorFunctionInit(fn: any): void {
    const proto: any = {};
    __native.setPrototypeOf(proto, GeneratorPrototype);
    __native.defineProperty(fn, 'prototype', proto, 2);
    __native.setPrototypeOf(fn, GeneratorFunctionPrototype);
  });
  /** GeneratorStart(fn): the generator object (prototype fn.prototype), parking next. */
  __native.registerIntrinsic(39, function GeneratorStart(fn: any): any {
    let proto = fn.prototype;
    if (!isObject(proto)) proto = GeneratorPrototype;
    const o: any = {};
    __native.setPrototypeOf(o, proto);
    const rec: GenRecord = { state: START, frame: undefined, value: undefined, raw: false, parked: false, returnValue: undefined };
    new GenSlot$(o, rec);
    parking = rec;
    return o;
  });
  /** GeneratorYield(gen, value): the next Await is the yield of value. */
  __native.registerIntrinsic(40, function GeneratorYield(gen: any, value: any): void {
    const rec = recordOf(gen);
    rec.value = value;
    parking = rec;
  });
  __native.registerIntrinsic(41, RETURN);
  /**
   * GeneratorDelegateStep(gen, record, received, mode): one step of yield* over the
   * iterator record [iterator, next] (GetIterator's): passes what the generator received
   * (mode 0 next, 1 thrown, RETURN thrown: return) on to the iterator. True when the inner
   * iterator is not done: its result object is then what the generator yields (parking
   * next); false when it is done: mode 2 then gives its value. Completes a return by
   * throwing RETURN again (with the inner value) when the inner one is done.
   */
  __native.registerIntrinsic(42, function GeneratorDelegateStep(gen: any, record: any, received: any, mode: number): any {
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
