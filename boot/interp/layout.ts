// The x86 interpreter's data layout: value tags, heap object kinds and offsets, the frame
// layout and the VM root block. The tags and object bodies follow docs/bytecode.md; the
// numeric kind codes and everything about registers are this interpreter's own choices
// (docs/architecture.md, "The bytecode interpreter").

import { Intrinsic } from '../../image-builder/bytecode/intrinsics.ts';

/** Tags, in the high word of a value (payload at +0, tag at +4). */
export const TAG = {
  int: 0xffff_ffff,
  uint: 0xffff_fffe,
  bool: 0xffff_fffd,
  undef: 0xffff_fffc,
  null: 0xffff_fffb,
  cell: 0xffff_fffa,
  hole: 0xffff_fff9,
  /** Tags below this are the high word of a double. */
  firstTag: 0xffff_fff8,
} as const;

/** Heap object kinds (header word 0, bits 0-7). */
export const KIND = {
  String: 1,
  Object: 2,
  Array: 3,
  Function: 4,
  Env: 5,
  ValueVector: 6,
  PropertyTable: 7,
  Frame: 8,
  PrivateName: 9,
  /** A symbol value (a primitive, compared by identity): body = its description (string cell or undefined). */
  Symbol: 10,
  /** The bytes of an ArrayBuffer: u32 byte count at +8, the bytes from +16 (never scanned: no values inside). */
  Bytes: 11,
  /**
   * An ephemeron vector (the weak collections; natives weakNew/weakGet/weakSet): slot 0 is
   * the collector's link while it runs (an int32 otherwise), then key/value pairs. Its
   * values are not traced as the others: see gc_collect (boot/interp/runtime.ts).
   */
  Ephemeron: 12,
  /** Only while the collector runs: header word 1 is the new address. */
  Forwarded: 0xff,
} as const;

/** String header flag (bits 8-15 of word 0): two bytes per unit. */
export const STRING_TWO_BYTE = 1 << 8;
/** String header flag: this string is the one in the intern table (intern returns it as is). */
export const STRING_INTERNED = 1 << 9;

/** Byte offsets inside heap objects (from the object's address; the header is 8 bytes). */
export const OBJ = {
  kind: 0,
  size: 4,
  body: 8,
} as const;

/** String: u32 length, u32 hash, then the units. */
export const STR = { length: 8, hash: 12, units: 16 } as const;

/**
 * String header flag: a slice (issue 14's string builder, made by str_concat for long
 * results). Its body is u32 length, u32 hash, then one value, its buffer (a cell, at
 * STR.units): its units are the first `length` units of the buffer's. A buffer is a flat
 * string that is never a value (no program sees it): its length counts the units appended
 * to it so far and its heap size gives its capacity; units below the length of a slice that
 * uses it are never written again, so every slice keeps its units. An append to the slice
 * whose length is the buffer's (the last one made from it) writes into the spare capacity
 * and makes a new slice header: `s += x` in a loop is amortised linear. Readers of units
 * go through unitsBase / loadUnit (boot/interp/string-units.ts); length, hash and the
 * width flag are the slice's own, as in a flat string.
 */
export const STRING_SLICE = 1 << 10;
/** Bytes in a slice's heap object: header, length and hash, the buffer value. */
export const SLICE_SIZE = 24;
/** Shorter concatenations stay flat (they are copied whole, cheaply); so every string of up
 *  to 10 units is flat, which the array-index key checks (elem_key_cf, str_big_index)
 *  rely on when they read units inline. */
export const SLICE_MIN_LENGTH = 256;
if (SLICE_MIN_LENGTH <= 10) throw new Error('the array-index key checks read short strings inline');

/** Slot k of a scanned object's body is at 8 + 8k. */
export const slot = (k: number): number => 8 + 8 * k;

/** Object / Array / Function share proto and properties. */
export const PROTO = slot(0);
export const PROPS = slot(1);
export const ARRAY_LENGTH = slot(2);
export const ARRAY_ELEMENTS = slot(3);
export const ARRAY_SIZE = slot(4);
export const OBJECT_SIZE = slot(2);
export const FN_INDEX = slot(2);
export const FN_ENV = slot(3);
export const FN_HOME = slot(4);
export const FUNCTION_SIZE = slot(5);
export const SYMBOL_DESCRIPTION = slot(0);
export const SYMBOL_SIZE = slot(1);
export const ENV_PARENT = slot(0);
export const ENV_SLOTS = slot(1);
/** PropertyTable: count (int32 value), shape (int32 value: boot/interp/shapes.ts), then
 *  entries of (key, value, attributes). */
export const PT_COUNT = slot(0);
export const PT_SHAPE = slot(1);
export const PT_ENTRIES = slot(2);
export const PT_ENTRY_SIZE = 24;
/** The shape of a table with no entries, and of an object without a table (PROPS undefined). */
export const SHAPE_EMPTY = 1;
/** Shape bit: a unique shape (no transitions from it; boot/interp/shapes.ts). */
export const SHAPE_UNIQUE = 0x8000_0000;
/** Ids stay below this bit (shape_new_id): the inline caches mark prototype accessors with it. */
export const SHAPE_ID_LIMIT = 0x4000_0000;
export const ATTR_DEFAULT = 0b0111; // enumerable | writable | configurable
export const ATTR_ACCESSOR = 0b1000;

/** Frame body slots (docs/bytecode.md, "Frames and calls"). */
export const FRAME_SLOT = {
  caller: 0,
  function: 1,
  pc: 2,
  returnRegister: 3,
  this: 4,
  newTarget: 5,
  argCount: 6,
  extraArgs: 7,
  handler: 8,
  flags: 9,
  /** ToPrimitive's results for the operands of the running instruction (register indices -2 and -1). */
  conv0: 10,
  conv1: 11,
} as const;
/** Register r0 is at frame + FRAME_REGS; the interpreter keeps ebp = frame + FRAME_REGS. */
export const FRAME_REGS = slot(12);
/** Register indices that address the frame's conv0/conv1 slots ([ebp + index*8]). */
export const CONV0_INDEX = -2;
export const CONV1_INDEX = -1;
/** Offset of frame slot k from ebp. */
export const fslot = (k: number): number => slot(k) - FRAME_REGS;

/**
 * The VM's root block (in .data): values the collector forwards, in this order. `frame` is
 * written from ebp just before a collection and ebp is reloaded from it after.
 */
export const ROOTS = [
  'frame', 'exception', 'constants', 'intern', 'global', 'objectProto', 'arrayProto', 'functionProto',
  'tmp0', 'tmp1', 'tmp2', 'tmp3', 'tmp4', 'tmp5',
  // saved temporaries while get_prop makes a function's prototype object (fn_lazy_prototype)
  'sav0', 'sav1', 'sav2', 'sav3', 'sav4',
  // the registered intrinsics (intrinsics.ts Intrinsic): a ValueVector indexed by id
  'intrinsics',
  // inputs of interp_enter_frame besides tmp0/tmp1 (reset to undefined after each use)
  'callArgs', 'callNewTarget',
  // interned well-known strings
  'sLength', 'sUndefined', 'sObject', 'sBoolean', 'sNumber', 'sString', 'sFunction',
  'sPrototype', 'sConstructor', 'sToString', 'sNext', 'sDone', 'sValue', 'sReturn', 'sEmpty',
  'sTrue', 'sFalse', 'sNull', 'sName', 'sMessage', 'sNumberFn', 'sValueOf', 'sSymbol', 'sDefault',
  // the symbol symbol_to_string is describing (held across its allocation)
  'symTmp',
  // ToNumber of strings the native parser leaves to the prelude's Number: the last two
  // strings converted that way (their numbers are in nm_val0/nm_val1)
  'numMemo0', 'numMemo1',
  // the new buffer str_concat is filling while it allocates the slice that will hold it
  'strBuf',
] as const;
export type RootName = (typeof ROOTS)[number];
export const rootOffset = (name: RootName): number => ROOTS.indexOf(name) * 8;

/** Ids handed out for intrinsics still being added (each helper of issue 14's split gets a
 *  range below this): the vector has room for them before they appear in the enum. */
const INTRINSIC_IDS_RESERVED = 96;
/** Number of Intrinsic ids (image-builder/bytecode/intrinsics.ts) the machine keeps: past the
 *  highest id of the enum and every reserved one. */
export const INTRINSIC_COUNT = Math.max(INTRINSIC_IDS_RESERVED,
  ...Object.values(Intrinsic).filter((v): v is number => typeof v === 'number').map((id) => id + 1));
/** Frame flags (slot 9): bit 0 construct call; bit 1 the return goes to native code (the
 *  returnRegister slot then holds the continuation's code address, tagged int32); bit 2
 *  below. */
export const FRAME_CONSTRUCT = 1;
export const FRAME_NATIVE_RETURN = 2;
/** Frame flag bit 2: the entry frame (no caller), so Return's fast path tests one byte. */
export const FRAME_ENTRY = 4;
/** Frame flag bit 3: parked by Await (off the stack, caller slot null) until Resume. */
export const FRAME_PARKED = 8;
/** Marker tag get_prop returns for an accessor property (eax = the [getter, setter] vector);
 *  never stored anywhere. */
export const TAG_ACCESSOR = 0xffff_fff8;
/** Object header flags (bits 8-15 of word 0). */
export const OBJ_NOT_EXTENSIBLE = 1 << 8;
export const OBJ_FROZEN = 1 << 9;
/**
 * Object header flag: a buffer or view object (ArrayBuffer, DataView, typed arrays): an
 * Object whose body has, after proto and properties, the slots below (boot/interp/typed.ts).
 * The store is a Bytes cell, or a number: the physical address of a range seen through the
 * kernel's direct map.
 */
export const OBJ_VIEW = 1 << 10;
export const VIEW_STORE = slot(2);
export const VIEW_OFFSET = slot(3);
export const VIEW_LENGTH = slot(4);
export const VIEW_TYPE = slot(5);
export const VIEW_BUFFER = slot(6);
export const VIEW_SIZE = slot(7);
/** View types (VIEW_TYPE): 0-8 the typed arrays in this order, then DataView and ArrayBuffer. */
export const VIEW_TYPES = ['Int8', 'Uint8', 'Uint8Clamped', 'Int16', 'Uint16', 'Int32', 'Uint32', 'Float32', 'Float64'] as const;
export const VIEW_DATAVIEW = 9;
export const VIEW_ARRAYBUFFER = 10;
export const BYTES_LENGTH = 8;
export const BYTES_DATA = 16;
/** Object header kind data (bits 16-31): identity hash, assigned on first use (0: none). */

/** Power-off status for interpreter failures (unimplemented opcode, out of memory, ...). */
export const INTERP_FATAL_STATUS = 70;
/** Power-off status for an uncaught exception (docs/bytecode.md). */
export const UNCAUGHT_STATUS = 1;

/**
 * The kernel's heap: two semispaces of min(RAM/4, HEAP_MAX)/2 each (the rest of RAM is its
 * frame allocator's). A program in the program slot (`tskern run`) has all the RAM after
 * the image instead (runtime.ts interp_start).
 */
/** An ephemeron vector's first key slot (slot 0 is the collector's link). */
export const EPHEMERON_FIRST = 16;
export const HEAP_MAX = 512 * 1024 * 1024;
