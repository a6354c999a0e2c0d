// Intrinsic ids: the slots of the machine's intrinsics vector (boot/interp/layout.ts
// INTRINSIC_COUNT is derived from this enum). One definition imported by the machines, the
// compiler, the runtime prelude and the kernel: nobody writes an id as a number. It is an
// enum so that esbuild inlines each use as a numeric literal when it bundles guest code
// (LoadIntrinsic needs a literal) and drops the enum object itself.

/**
 * Intrinsic objects the runtime prelude creates and registers with `registerIntrinsic`.
 * The machine gives new objects, arrays and functions these prototypes, looks up
 * properties of primitives on them, and throws its own errors (TypeError for calling a
 * non-function, ...) by constructing the registered error classes.
 */
export enum Intrinsic {
  ObjectPrototype = 0,
  FunctionPrototype = 1,
  ArrayPrototype = 2,
  StringPrototype = 3,
  NumberPrototype = 4,
  BooleanPrototype = 5,
  Error = 6,
  TypeError = 7,
  ReferenceError = 8,
  RangeError = 9,
  SyntaxError = 10,
  /** Called by the machine when a for..of / spread / destructuring needs an iterator of a value with no fast path: f(value) returns the iterator record, an array [iterator, next] (iterator = value[Symbol.iterator](), checked to be an object; next = iterator.next, read once); the machine calls next itself (NotCallable below when it is not a function). */
  GetIterator = 11,
  /** The function the machine calls to turn a thrown value into the text of an "Uncaught ..." report: f(value) returns a string. */
  FormatUncaught = 12,
  /**
   * How the machine throws its own errors: it calls f(kind, message) as if by `Call`
   * (kind as in ThrowError: 0 TypeError, 1 ReferenceError, 2 RangeError, 3 SyntaxError);
   * f constructs the error (so it has a stack) and throws it, never returning. Until it is
   * registered the machine reports "<Kind>: <message>" as a string.
   */
  RaiseError = 13,
  /** Symbol.prototype: where property lookups on symbols start. */
  SymbolPrototype = 14,
  /** The well-known symbols the machine itself looks up: Symbol.iterator (the iteration fast paths below are checked against it), Symbol.toPrimitive (ToPrimitive, see ToPrimitive below), Symbol.hasInstance (`instanceof`, see InstanceOf). Until they are registered the machine does without them. */
  SymbolIterator = 15,
  SymbolToPrimitive = 16,
  SymbolHasInstance = 17,
  /** Function.prototype[Symbol.hasInstance] (OrdinaryHasInstance): `instanceof` finding this one runs the ordinary prototype-chain walk itself. */
  FunctionHasInstance = 18,
  /**
   * Array.prototype[Symbol.iterator], the Array Iterator prototype and its `next`; the same
   * three for strings. The machine iterates an array (a string) natively, without making an
   * iterator object, only while looking up value[Symbol.iterator] finds the first of these
   * and the prototype's `next` is still the registered one, so replacing either is seen.
   */
  ArrayIterator = 19,
  ArrayIteratorPrototype = 20,
  ArrayIteratorNext = 21,
  StringIterator = 22,
  StringIteratorPrototype = 23,
  StringIteratorNext = 24,
  /** ToPrimitive(value, hint) ('default', 'number' or 'string'): the machine calls it for objects whose [Symbol.toPrimitive] is not null or undefined, or whose valueOf/toString is an accessor; it returns a primitive or throws. */
  ToPrimitive = 25,
  /** InstanceofOperator(value, C): the machine calls it for `instanceof` when C[Symbol.hasInstance] is not the registered FunctionHasInstance (nor null/undefined), or C.prototype is not a plain object; it returns a boolean or throws. */
  InstanceOf = 26,
  /** SetFunctionName(fn, key, prefix): what the native setFunctionName does. */
  SetFunctionName = 27,
  /** NotCallable(value): throws TypeError "<value> is not a function" in V8's words ("number 5 is not a function"); for an iterator's next that is not a function. */
  NotCallable = 28,
  /** IteratorClose(record): closes the iterator of a GetIterator record whose `return` is not null or undefined (as a data property): calls it, TypeError when it is not a function or its result is not an object. */
  IteratorClose = 29,
  /**
   * How the machine finishes an Exp it cannot do exactly (a fractional or negative exponent,
   * a result that is not an integer below 2^53): it calls f with this = the base and one
   * argument, the exponent, both numbers, and f returns base ** exponent.
   */
  Pow = 30,
  /** Async functions (docs/bytecode.md): f() returns a new pending promise, the result of a call of an async function. */
  AsyncFunctionStart = 31,
  /** f(promise, value): resolve an async function's promise with its return value (as a promise resolve function does). */
  AsyncFunctionResolve = 32,
  /** f(promise, reason): reject an async function's promise with the exception that left its body. */
  AsyncFunctionReject = 33,
  /**
   * The machine calls f(value, frame) on `Await`, before parking the frame: f arranges for
   * the frame to be continued (`Resume frame, v, false` / `Resume frame, reason, true`) once
   * value, made a promise as `await` makes it, settles. The frame is an opaque value that
   * only Resume uses; holding it keeps the parked frame alive.
   */
  AsyncFunctionAwait = 34,
  /** The top level, after the program's own code, calls f() to run the event loop (microtasks, timers) until nothing is left. */
  RunEventLoop = 35,
  /**
   * The kernel's trap dispatcher: the machine calls f(vector, errorCode, cr2, cpl) for an
   * exception raised by a kernel memory access (virtRead*, virtWrite*), as if the faulting
   * CallNative had called it; when f returns the access is retried, when it throws the
   * exception propagates from the faulting instruction. contextRead gives the registers.
   */
  TrapDispatch = 36,
  /**
   * The kernel's interrupt hook, registered by the kernel: while it is, the event loop
   * calls f() on every turn (it takes the pending IRQs with irqTake and runs their
   * handlers) and never ends on its own: interrupts can always bring more work.
   */
  InterruptHook = 37,
  /**
   * The scheduler's run hook, registered by the kernel once processes exist: when the event
   * loop has nothing due (no interrupt, microtask or timer), it calls f() instead of halting;
   * f runs a user process until it gives the CPU back and returns true, or returns false when
   * nothing is runnable (the loop then halts until the next interrupt or timer).
   */
  RunUser = 56,
  // ---- generators (issue 13; docs/bytecode.md, "Generators") ----
  /** GeneratorFunctionInit(fn): the compiler calls it after the Closure of a generator function: its own `prototype` (an object inheriting %GeneratorPrototype%) and its [[Prototype]]. */
  GeneratorFunctionInit = 38,
  /** GeneratorStart(fn): a new generator object of generator function fn; the next Await (the compiler emits it at once) parks the frame as that generator's instead of awaiting. */
  GeneratorStart = 39,
  /** GeneratorYield(gen, value): the next Await is the generator's yield of value. */
  GeneratorYield = 40,
  /** The unique object that Generator.prototype.return throws into a parked generator frame (a generator's catch clauses rethrow it untouched). */
  GeneratorReturnSignal = 41,
  /** GeneratorDelegateStep(gen, record, received, mode): one step of yield* (mode 0: received is next()'s value, 1: it was thrown at the park); true while the inner iterator is not done (the next Await yields its result object); mode 2: the result of the finished yield*. */
  GeneratorDelegateStep = 42,
  /**
   * IterationError(exception, value, text, kind): the compiler's handler around a GetIterator
   * (for..of, spread, array destructuring) calls it: when value is not iterable it throws
   * the TypeError V8 words for the construct (kind 0: text is the message, naming the
   * expression; 1: a call's spread argument, text its expression; 2: V8's builtin wording),
   * else it rethrows the exception (one thrown by the iterator method itself).
   */
  IterationError = 43,
  // ---- super outside class methods, __proto__ in object literals (issue 13) ----
  /**
   * SuperAccess(home, key, receiver, mode, value): home's [[Prototype]][key] read (mode 0) or
   * assigned value (mode 1) with receiver as this, as `super[key]` does; the compiler uses it
   * for super assignments and for super in arrows (the home object from LoadHome), the
   * machines for assignments to a property of a primitive (home = receiver = the primitive).
   * Mode 3: `__proto__: value` in an object literal home (sets its [[Prototype]] when value
   * is an object or null). Mode 4: CopyDataProperties(home, value) (the x86 machine's
   * fallback for a source with accessors).
   */
  SuperAccess = 44,
  /** AsyncGeneratorOp(gen, op, value): the steps of async generators and `for await` (runtime/prelude/generator.ts, AG_* ops). */
  AsyncGeneratorOp = 45,
  // ---- regular expressions (runtime/prelude/regexp.ts): 46-53 ----
  /** RegExpCreate(source, flags): a new RegExp for a literal `/source/flags` (the compiler has checked both). */
  RegExpCreate = 46,
  /** Array.prototype.push: a Call of it with one argument on an extensible array is done by the machine itself (no frame, no rest array). */
  ArrayPush = 57,
  // ---- Map and Set done by the machine (issue 14; boot/interp/collections.ts): 47-55 ----
  /** The prototype of the prelude's OrderedHashTable (runtime/ordered-hash.ts): the machine takes a Map's or Set's #table only when it is one. */
  OrderedHashTablePrototype = 47,
  /**
   * Map.prototype.get, set, has, delete and Set.prototype.add, has, delete: a Call of one of
   * these on a Map (Set) with a key the machine hashes itself (int32, string, object, symbol)
   * runs the probe over the table's layout without a frame; anything else runs the method.
   */
  MapGet = 48,
  MapSet = 49,
  MapHas = 50,
  MapDelete = 51,
  SetAdd = 52,
  SetHas = 53,
  SetDelete = 54,
  // ---- the runtime (issue 13): 58-67 ----
  /**
   * IteratorResultValue, called with this = an iterator result object whose `done` or `value`
   * is an accessor (the machine reads plain data properties itself): returns the function
   * itself when the result is done, else its value (done read first, as IteratorStep does).
   */
  IteratorResultValue = 58,
  /**
   * DeletePrimitive, called with this = a primitive (or undefined/null) and the key: `delete
   * v[key]` in strict mode (TypeError for undefined/null and for a string's index and length
   * properties, else true). The machine deletes from objects itself.
   */
  DeletePrimitive = 59,
  // ---- small built-ins the machine runs itself (boot/interp/machine-methods.ts): 86-100 ----
  /**
   * Math.floor, ceil, trunc, round, abs, sqrt, min, max, String.prototype.charCodeAt and
   * Array.prototype.pop: registering one marks its function index in the machine's
   * call_intercept table, and a Call of it with the easy arguments (numbers, an int32 index,
   * a dense array) is answered without a frame; any other call runs the prelude's method.
   * Consecutive: the machine's table is in this order.
   */
  MathFloor = 86,
  MathCeil = 87,
  MathTrunc = 88,
  MathRound = 89,
  MathAbs = 90,
  MathSqrt = 91,
  MathMin = 92,
  MathMax = 93,
  StringCharCodeAt = 94,
  ArrayPop = 95,
  /**
   * The prelude's own conversions, called from almost every built-in (runtime/prelude/core.ts
   * toNum, toStr, toIntegerOrInfinity, relativeIndex; string-number.ts thisString): a call
   * whose argument is already what they return (a number, a string, an int32 index) is
   * answered by the machine without a frame, as the methods above.
   */
  PreludeToNum = 96,
  PreludeToStr = 97,
  PreludeToIntegerOrInfinity = 98,
  PreludeRelativeIndex = 99,
  PreludeThisString = 100,
}
