// THE definition of tskern's bytecode instructions, imported by the compiler, the x86
// interpreter generator, the reference interpreter and the disassembler. Nothing else
// may hard-code an opcode number or an operand layout.
//
// An instruction is one opcode byte followed by its operands, little-endian, unaligned.
// Register operands name slots of the current frame (see docs/bytecode.md). Jump
// offsets are relative to the address of the *next* instruction.

/** Operand kinds and their encoded sizes. */
export const OPERAND_SIZE = {
  /** A frame register, u8. */
  reg: 1,
  /** An index into the module's constant pool, u16. */
  const: 2,
  /** An index into the module's function table, u16. */
  func: 2,
  /** A signed 32-bit immediate. */
  i32: 4,
  /** An unsigned 8-bit count (arguments, elements). */
  count: 1,
  /** An environment slot index or slot count, u16 (a bundle's top level can capture hundreds of bindings). */
  slot: 2,
  /** A signed 32-bit jump offset, from the end of the instruction. */
  jump: 4,
  /** An index into the function's inline-cache slots, u16 (property access). */
  ic: 2,
  /** A native primitive's number, u16 (see natives.ts). */
  native: 2,
} as const;

export type OperandKind = keyof typeof OPERAND_SIZE;

export interface OpcodeInfo {
  readonly name: string;
  readonly operands: readonly OperandKind[];
  /** What it does, in terms of the value model of docs/bytecode.md. */
  readonly doc: string;
  /** Control leaves the instruction other than by falling through (jumps, returns, throws). */
  readonly branches?: boolean;
}

const R = 'reg', K = 'const', J = 'jump';

/**
 * The instruction set, in opcode order (opcode = index). Operand names in `doc` are the
 * operands in order: `dst`, `a`, `b`, `src` ... are registers.
 */
export const OPCODES = [
  // ---- loads and moves ---------------------------------------------------------------
  { name: 'LoadUndefined', operands: [R], doc: 'dst = undefined' },
  { name: 'LoadNull', operands: [R], doc: 'dst = null' },
  { name: 'LoadTrue', operands: [R], doc: 'dst = true' },
  { name: 'LoadFalse', operands: [R], doc: 'dst = false' },
  { name: 'LoadInt', operands: [R, 'i32'], doc: 'dst = int32 immediate' },
  { name: 'LoadConst', operands: [R, K], doc: 'dst = constant (number or string)' },
  { name: 'Move', operands: [R, R], doc: 'dst = src' },
  { name: 'LoadHole', operands: [R], doc: 'dst = the TDZ hole (uninitialised let/const/class binding)' },
  { name: 'CheckHole', operands: [R, K], doc: 'if src is the hole, throw ReferenceError "Cannot access \'<const string>\' before initialization"' },

  // ---- arithmetic and bitwise: dst = a OP b, with JavaScript's conversions -----------
  { name: 'Add', operands: [R, R, R], doc: 'dst = a + b (numbers add; a string on either side concatenates; objects go through ToPrimitive)' },
  { name: 'Sub', operands: [R, R, R], doc: 'dst = a - b' },
  { name: 'Mul', operands: [R, R, R], doc: 'dst = a * b' },
  { name: 'Div', operands: [R, R, R], doc: 'dst = a / b' },
  { name: 'Mod', operands: [R, R, R], doc: 'dst = a % b' },
  { name: 'Exp', operands: [R, R, R], doc: 'dst = a ** b' },
  { name: 'BitAnd', operands: [R, R, R], doc: 'dst = a & b' },
  { name: 'BitOr', operands: [R, R, R], doc: 'dst = a | b' },
  { name: 'BitXor', operands: [R, R, R], doc: 'dst = a ^ b' },
  { name: 'Shl', operands: [R, R, R], doc: 'dst = a << b' },
  { name: 'Shr', operands: [R, R, R], doc: 'dst = a >> b' },
  { name: 'UShr', operands: [R, R, R], doc: 'dst = a >>> b (a uint32 result >= 2^31 is tagged uint32, not a double)' },
  { name: 'AddInt', operands: [R, R, 'i32'], doc: 'dst = a + int32 immediate (numbers; falls back to Add semantics for others)' },

  // ---- unary -------------------------------------------------------------------------
  { name: 'Neg', operands: [R, R], doc: 'dst = -src' },
  { name: 'Plus', operands: [R, R], doc: 'dst = +src (ToNumber)' },
  { name: 'BitNot', operands: [R, R], doc: 'dst = ~src' },
  { name: 'Not', operands: [R, R], doc: 'dst = !src' },
  { name: 'Inc', operands: [R, R], doc: 'dst = ToNumber(src) + 1 (for ++)' },
  { name: 'Dec', operands: [R, R], doc: 'dst = ToNumber(src) - 1 (for --)' },
  { name: 'TypeOf', operands: [R, R], doc: 'dst = typeof src (an interned string)' },
  { name: 'ToNumeric', operands: [R, R], doc: 'dst = ToNumber(src) (postfix ++/-- keep the old value converted)' },
  { name: 'ToString', operands: [R, R], doc: 'dst = String(src) as template literals convert (ToString, after ToPrimitive hint string)' },
  { name: 'ToPropertyKey', operands: [R, R], doc: 'dst = src converted to a property key (string, or int32 index kept as a number)' },

  // ---- comparison: dst = a OP b, a boolean -------------------------------------------
  { name: 'Eq', operands: [R, R, R], doc: 'dst = a == b' },
  { name: 'Ne', operands: [R, R, R], doc: 'dst = a != b' },
  { name: 'StrictEq', operands: [R, R, R], doc: 'dst = a === b' },
  { name: 'StrictNe', operands: [R, R, R], doc: 'dst = a !== b' },
  { name: 'Lt', operands: [R, R, R], doc: 'dst = a < b' },
  { name: 'Le', operands: [R, R, R], doc: 'dst = a <= b' },
  { name: 'Gt', operands: [R, R, R], doc: 'dst = a > b' },
  { name: 'Ge', operands: [R, R, R], doc: 'dst = a >= b' },
  { name: 'InstanceOf', operands: [R, R, R], doc: 'dst = a instanceof b' },
  { name: 'In', operands: [R, R, R], doc: 'dst = a in b (a: key, b: object; TypeError if b is not an object)' },

  // ---- control -----------------------------------------------------------------------
  { name: 'Jump', operands: [J], doc: 'pc += offset', branches: true },
  { name: 'JumpIfTrue', operands: [R, J], doc: 'if ToBoolean(cond) then pc += offset', branches: true },
  { name: 'JumpIfFalse', operands: [R, J], doc: 'if !ToBoolean(cond) then pc += offset', branches: true },
  { name: 'JumpIfNullish', operands: [R, J], doc: 'if src is null or undefined then pc += offset', branches: true },
  { name: 'JumpIfNotNullish', operands: [R, J], doc: 'if src is neither null nor undefined then pc += offset', branches: true },
  { name: 'JumpIfLt', operands: [R, R, J], doc: 'if a < b then pc += offset (fused compare and branch)', branches: true },
  { name: 'JumpIfNotLt', operands: [R, R, J], doc: 'if !(a < b) then pc += offset', branches: true },
  { name: 'JumpIfStrictEq', operands: [R, R, J], doc: 'if a === b then pc += offset (switch cases)', branches: true },

  // ---- functions and calls -----------------------------------------------------------
  { name: 'Closure', operands: [R, 'func', R], doc: 'dst = a new function object for function `func` closing over environment `env` (a register)' },
  { name: 'Call', operands: [R, R, R, R, 'count'], doc: 'dst = callee.call(this, args...) with argc arguments in registers first..first+argc-1' },
  { name: 'CallSpread', operands: [R, R, R, R], doc: 'dst = callee.apply(this, args) where args is an array register (spread calls)' },
  { name: 'New', operands: [R, R, R, 'count'], doc: 'dst = new callee(args...) with argc arguments in registers first..' },
  { name: 'NewSpread', operands: [R, R, R], doc: 'dst = new callee(...args) where args is an array register' },
  { name: 'SuperCall', operands: [R, R, 'count'], doc: 'super(args...) in a derived constructor: calls the home class\'s parent constructor with this frame\'s new.target and this; dst = this' },
  { name: 'SuperCallSpread', operands: [R, R], doc: 'super(...args) with args an array register; dst = this' },
  { name: 'Return', operands: [R], doc: 'return src to the caller', branches: true },
  { name: 'CallNative', operands: [R, 'native', R, 'count'], doc: 'dst = native primitive(args in registers first..first+argc-1); see natives.ts' },
  { name: 'LoadArgument', operands: [R, 'count'], doc: 'dst = the index-th actual argument, or undefined if fewer were passed' },
  { name: 'LoadRestArgs', operands: [R, 'count'], doc: 'dst = a new array of the actual arguments from index on (rest parameter)' },
  { name: 'LoadArgCount', operands: [R], doc: 'dst = the number of actual arguments (int32)' },
  { name: 'LoadThis', operands: [R], doc: 'dst = this of the current frame' },
  { name: 'LoadNewTarget', operands: [R], doc: 'dst = new.target of the current frame (undefined in a plain call)' },
  { name: 'LoadCallee', operands: [R], doc: 'dst = the function object being executed' },

  // ---- environments (captured variables) ---------------------------------------------
  { name: 'EnvNew', operands: [R, R, 'slot'], doc: 'dst = a new environment with `count` slots (holding the hole) whose parent is env register `parent`' },
  { name: 'EnvLoad', operands: [R, R, 'slot'], doc: 'dst = env.slot[index]' },
  { name: 'EnvStore', operands: [R, 'slot', R], doc: 'env.slot[index] = src' },
  { name: 'EnvParent', operands: [R, R], doc: 'dst = the parent of environment env' },
  { name: 'EnvCopy', operands: [R, R], doc: 'dst = a copy of environment env, same parent (per-iteration let bindings)' },
  { name: 'LoadFunctionEnv', operands: [R], doc: 'dst = the environment the running function closed over' },

  // ---- objects and properties --------------------------------------------------------
  { name: 'NewObject', operands: [R], doc: 'dst = {} (prototype Object.prototype)' },
  { name: 'NewArray', operands: [R, R, 'count'], doc: 'dst = [regs first..first+count-1]' },
  { name: 'ArrayPush', operands: [R, R], doc: 'array.push(src) on a fresh array literal (no observable calls)' },
  { name: 'ArrayPushHole', operands: [R], doc: 'array.length += 1, leaving a hole (elisions in array literals)' },
  { name: 'ArraySpread', operands: [R, R], doc: 'append every element of iterable src to array (array literals and spread arguments)' },
  { name: 'GetProp', operands: [R, R, K, 'ic'], doc: 'dst = obj[constant name], through the prototype chain and getters; TypeError on null/undefined' },
  { name: 'SetProp', operands: [R, K, R, 'ic'], doc: 'obj[constant name] = src (setters run; TypeError on null/undefined and frozen objects in strict code)' },
  { name: 'GetElem', operands: [R, R, R], doc: 'dst = obj[key]' },
  { name: 'SetElem', operands: [R, R, R], doc: 'obj[key] = src' },
  { name: 'DeleteElem', operands: [R, R, R], doc: 'dst = delete obj[key]' },
  { name: 'DefineField', operands: [R, R, R], doc: 'define own data property obj[key] = src (enumerable, writable, configurable): object literals and class fields' },
  { name: 'DefineGetter', operands: [R, R, R, 'count'], doc: 'define accessor obj[key] getter = fn; flags: bit0 enumerable' },
  { name: 'DefineSetter', operands: [R, R, R, 'count'], doc: 'define accessor obj[key] setter = fn; flags: bit0 enumerable' },
  { name: 'DefineMethod', operands: [R, R, R], doc: 'define own non-enumerable property obj[key] = fn and set fn\'s home object to obj (class methods)' },
  { name: 'CopyDataProperties', operands: [R, R], doc: 'copy own enumerable properties of src into obj (object spread)' },
  { name: 'NewClass', operands: [R, R, R], doc: 'dst = constructor function ctor made a class: ctor.prototype = a new object whose prototype is parent.prototype (or Object.prototype if parent is the hole); ctor\'s prototype = parent; parent may be null' },
  { name: 'NewPrivateName', operands: [R, K], doc: 'dst = a fresh private name (#field) described by the constant string' },
  { name: 'GetPrivate', operands: [R, R, R], doc: 'dst = obj.#name (TypeError if obj lacks it)' },
  { name: 'SetPrivate', operands: [R, R, R], doc: 'obj.#name = src (TypeError if obj lacks it)' },
  { name: 'DefinePrivate', operands: [R, R, R], doc: 'add obj.#name = src (TypeError if obj already has it)' },
  { name: 'HasPrivate', operands: [R, R, R], doc: 'dst = #name in obj' },
  { name: 'GetSuper', operands: [R, R], doc: 'dst = super[key]: looked up from the prototype of the running method\'s home object, with this as the receiver' },
  { name: 'GetIterator', operands: [R, R], doc: 'dst = src[Symbol.iterator]() (arrays, strings, Map, Set and user iterables)' },
  { name: 'IteratorNext', operands: [R, R, J], doc: 'result = iter.next(); if result.done then pc += offset, else dst = result.value', branches: true },
  { name: 'IteratorClose', operands: [R], doc: 'call iter.return() if it has one (leaving a for..of early)' },
  { name: 'ForInKeys', operands: [R, R], doc: 'dst = an array of the enumerable string keys of obj and its prototypes, in for..in order' },

  // ---- exceptions --------------------------------------------------------------------
  { name: 'Throw', operands: [R], doc: 'throw src', branches: true },
  { name: 'ThrowError', operands: ['count', K], doc: 'throw a new error of kind (0 TypeError, 1 ReferenceError, 2 RangeError, 3 SyntaxError) with the constant message', branches: true },
  { name: 'TryEnter', operands: [R, J], doc: 'save = frame.handler; frame.handler = pc + offset: an exception thrown in this frame until the matching TryLeave continues there' },
  { name: 'TryLeave', operands: [R], doc: 'frame.handler = save (the register TryEnter wrote); also the first instruction of every handler' },
  { name: 'LoadException', operands: [R], doc: 'dst = the exception being handled (right after the handler\'s TryLeave)' },

  // ---- appended (numbers above are frozen) -------------------------------------------
  { name: 'CheckHoleError', operands: [R, 'count', K], doc: 'if src is the hole, throw a new error of kind (as in ThrowError: 0 TypeError, 1 ReferenceError, 2 RangeError, 3 SyntaxError) with the constant message (`this` read before super() in a derived constructor)' },
  { name: 'ForInFilter', operands: [R, R, R], doc: 'dst = key if obj still has property key (own or inherited, as `in` does; a primitive obj is treated as its wrapper object, so a string has its index keys and its prototype\'s keys), else undefined; for..in skips keys deleted since ForInKeys' },
  { name: 'CheckPrivateBrand', operands: [R, R, K], doc: 'if obj is not an object that has the private name pn (a private method or accessor brand), throw TypeError with the constant message' },
  // fused compare-and-branch for every relational operator (JumpIfLt/JumpIfNotLt above) and !==
  { name: 'JumpIfLe', operands: [R, R, J], doc: 'if a <= b then pc += offset', branches: true },
  { name: 'JumpIfNotLe', operands: [R, R, J], doc: 'if !(a <= b) then pc += offset', branches: true },
  { name: 'JumpIfGt', operands: [R, R, J], doc: 'if a > b then pc += offset', branches: true },
  { name: 'JumpIfNotGt', operands: [R, R, J], doc: 'if !(a > b) then pc += offset', branches: true },
  { name: 'JumpIfGe', operands: [R, R, J], doc: 'if a >= b then pc += offset', branches: true },
  { name: 'JumpIfNotGe', operands: [R, R, J], doc: 'if !(a >= b) then pc += offset', branches: true },
  { name: 'JumpIfStrictNe', operands: [R, R, J], doc: 'if a !== b then pc += offset', branches: true },
  { name: 'SubInt', operands: [R, R, 'i32'], doc: 'dst = a - int32 immediate (Sub semantics: ToNumeric(a) - imm)' },
  { name: 'GetGlobal', operands: [R, K, 'ic'], doc: 'dst = the global variable named by the constant: the global object\'s property (own or inherited, through getters); ReferenceError "<name> is not defined" if it has none' },
  { name: 'SetGlobal', operands: [K, R, 'ic'], doc: 'global variable name = src: assigns the global object\'s property as SetProp does; ReferenceError "<name> is not defined" if it has none (strict code)' },
  { name: 'JumpIfEqInt', operands: [R, 'i32', J], doc: 'if a === int32 immediate then pc += offset (a number equal to it, in any representation)', branches: true },
  { name: 'JumpIfNeInt', operands: [R, 'i32', J], doc: 'if a !== int32 immediate then pc += offset', branches: true },
  // ---- async functions (docs/bytecode.md, "Async functions") ------------------------------
  { name: 'LoadIntrinsic', operands: [R, 'count'], doc: 'dst = the registered intrinsic `id` (intrinsics.ts Intrinsic), or undefined if none is registered' },
  { name: 'Await', operands: [R, R, R], doc: 'suspend the running async function on value: call the AsyncFunctionAwait intrinsic (value, this frame), park the frame (its pc stays at this instruction) and return `promise` to the caller as Return would; `Resume` continues it later with dst = the settled value, or throws the rejection reason here', branches: true },
  { name: 'Resume', operands: [R, R, R, R], doc: 'continue the frame parked by Await in frame: it becomes a callee of this frame (as Call) and receives value in its Await\'s dst (mode false) or has value thrown at its Await (mode true); dst = what the frame returns or the promise it returns when it awaits again' },
  // ---- home objects: super outside class methods (issue 13) -------------------------------------
  { name: 'SetHome', operands: [R, R], doc: 'fn.home = obj (fn a bytecode function): the home object GetSuper starts from, for getters, setters and object-literal methods (DefineMethod sets it for class methods) and for arrows, which get their method\'s' },
  { name: 'LoadHome', operands: [R], doc: 'dst = the running function\'s home object, or undefined if it has none' },
  // ---- fused fast paths (issue 14): each does what the instructions after it do, in the
  // common case only; otherwise it does nothing and those instructions run ---------------
  { name: 'IncJumpIfLt', operands: [R, R, J, J], doc: 'the end of `for (...; i < n; i++)`, placed before its `Inc i, i; JumpIfLt i, n, loop`: when i and n are int32 and i + 1 does not overflow, i = i + 1 and pc += (i < n ? offset1 : offset2) (the loop, its end); otherwise nothing (the Inc and JumpIfLt after it do the general case)', branches: true },
  { name: 'AddToInt32', operands: [R, R, R, J], doc: '`(a + b) | 0`, placed before its `Add t, a, b; LoadInt z, 0; BitOr dst, t, z`: when a and b are int32, dst = their sum modulo 2^32 (as a signed int32) and pc += offset (past them); otherwise nothing (they do the general case)', branches: true },
  // ---- start-up (issue 14): an object literal's or an installer's methods in one instruction
  { name: 'DefineMethods', operands: [R, R, 'func', 'count', 'count'], doc: 'for each of the count functions first, first+1, ...: a closure over env (as Closure), defined on obj as a data property (as DefineField, define_prop) whose key is the function\'s name constant (an interned string, never an array index) with the attributes operand (bit 0 enumerable, bit 1 writable, bit 2 configurable; bit 3: each function\'s home object is obj, as DefineMethod sets it), in function order' },
] as const satisfies readonly OpcodeInfo[];

export type OpcodeName = (typeof OPCODES)[number]['name'];

/** Opcode numbers by name: `Op.Add`. */
export const Op = Object.fromEntries(OPCODES.map((o, i) => [o.name, i])) as { readonly [K in OpcodeName]: number };

/** Encoded length of an instruction with this opcode, in bytes. */
export function instructionLength(opcode: number): number {
  const info = OPCODES[opcode];
  if (!info) throw new Error(`no opcode ${opcode}`);
  return 1 + info.operands.reduce((n, k) => n + OPERAND_SIZE[k], 0);
}

/** Byte offset of operand `index` within an instruction of this opcode. */
export function operandOffset(opcode: number, index: number): number {
  let off = 1;
  for (let i = 0; i < index; i++) off += OPERAND_SIZE[OPCODES[opcode].operands[i]];
  return off;
}

if (OPCODES.length > 256) throw new Error('more than 256 opcodes: the opcode is one byte');

/**
 * Inline-cache operands (`ic`): each property-access site of a module has its own, below
 * IC_NONE; sites past the first IC_NONE all get IC_NONE, which names no cache (the x86
 * interpreter keeps IC_NONE + 1 entries and never learns IC_NONE: two sites sharing an entry
 * could pass one another's shape checks, docs/bytecode.md).
 */
export const IC_NONE = 0x3fff;
