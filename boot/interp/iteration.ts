// Iteration handlers: the iterator protocol (GetIterator, IteratorNext, IteratorClose),
// for-in keys and filtering, array spread.

import { jumpUnlessTyped } from './view-check.ts';
import {
  X86Assembler, byte, cx, dword, eax, ebp, ecx, edi, edx, esi, esp, mem, sym, word,
} from '../../image-builder/x86/index.ts';
import type { OpcodeName } from '../../image-builder/bytecode/index.ts';
import { Intrinsic } from '../../image-builder/bytecode/intrinsics.ts';
import { cstring } from '../asm-util.ts';
import { T, V, root, var32 } from './asm.ts';
import {
  TAG, KIND, VIEW_LENGTH, ARRAY_LENGTH, ARRAY_ELEMENTS, fslot, FRAME_SLOT, STR, STRING_TWO_BYTE, TAG_ACCESSOR, slot, PROTO, PROPS,
  PT_COUNT, PT_ENTRIES, PT_ENTRY_SIZE, rootOffset,
} from './layout.ts';
import { at, copyValue, fatal, intrinsicFunction, rootW, saveResumePc } from './runtime.ts';
import { H, loadTag, storeCell, valueAt } from './helpers.ts';
import { ownKeysNative } from './builtin-natives.ts';
import { loadUnit } from './string-units.ts';
import { callFromHandler, callMethodWithContinuation } from './calls.ts';
import { storeValue, regKey } from './properties.ts';

/** Jumps to `not` unless eax:edx is an object (an Object, Array or Function cell). */
function jumpUnlessObject(a: X86Assembler, not: string): void {
  a.cmp(edx, TAG.cell).jne(not).cmp(byte(eax), KIND.Object).jb(not).cmp(byte(eax), KIND.Function).ja(not);
}

/** TypeError "Iterator result <eax:edx> is not an object". */
function throwIteratorResult(a: X86Assembler): void {
  a.mov(ecx, sym(cstring(a, 'TypeError: Iterator result '))).mov(edi, sym(cstring(a, ' is not an object'))).jmp('interp_throw_value');
}

/** Iteration: the iterator protocol, for-in and array spread. */
export const ITERATION_HANDLERS: Partial<Record<OpcodeName, (h: H) => void>> = {
  ForInFilter: (h) => {
    const a = h.a, no = h.label('no'), prim = h.label('prim'), has = h.label('has');
    regKey(h, 1);
    h.reg(eax, 2);
    a.cmp(T(eax), TAG.cell).jne(prim);
    a.mov(eax, V(eax));
    a.label(has).call('has_prop').test(eax, eax).jz(no);
    h.reg(ecx, 0).reg(edx, 1);
    copyValue(a, valueAt(ecx), valueAt(edx), eax);
    h.next();
    a.label(prim);
    a.push(edx).lea(eax, mem({ base: ebp, index: eax, scale: 8 })).call('proto_of_value');
    a.cmp(edx, TAG.cell).pop(edx).je(has);
    a.label(no);
    loadTag(h, TAG.undef);
  },
  ArraySpread: (h) => {
    const a = h.a, loop = h.label('loop'), done = h.label('done'), bad = h.label('bad'), got = h.label('got');
    h.reg(eax, 1);
    a.cmp(T(eax), TAG.cell).jne(bad);
    a.mov(eax, V(eax)).cmp(byte(eax), KIND.Array).jne(bad);
    a.call('iter_native_ok').test(eax, eax).jz(h.lbl('generic'));
    a.push(0);
    a.label(loop);
    h.reg(eax, 1);
    a.mov(eax, V(eax)).mov(ecx, dword(esp)).cmp(ecx, dword(eax, ARRAY_LENGTH)).jae(done);
    a.mov(edx, dword(eax, ARRAY_ELEMENTS));
    copyValue(a, rootW('tmp2'), (w) => dword({ base: edx, index: ecx, scale: 8, disp: 8 + w }), eax);
    a.cmp(root('tmp2', 4), TAG.hole).jne(got).mov(root('tmp2', 4), TAG.undef);
    a.label(got);
    h.reg(eax, 0);
    a.mov(eax, V(eax)).mov(root('tmp0'), eax).mov(root('tmp0', 4), TAG.cell);
    a.mov(ecx, dword(eax, ARRAY_LENGTH)).call('array_set');
    a.add(dword(esp), 1).jmp(loop);
    a.label(done).add(esp, 4);
    h.next();
    // any other value: the iterator protocol, the iterator kept in the frame's conv0 slot
    // (strings natively by code point, as IteratorNext; others through the registered
    // GetIterator and calls of next() with continuations)
    const conv0 = (w: number) => dword(ebp, fslot(FRAME_SLOT.conv0) + w);
    const conv1 = (w: number) => dword(ebp, fslot(FRAME_SLOT.conv1) + w);
    const step = h.label('step'), generic = h.lbl('generic'), none = h.label('none'), c0 = h.label('c0'), c1 = h.label('c1');
    const append = h.label('append'), finish = h.label('finish'), one = h.label('one'), notObj = h.label('notobj');
    a.label(bad);
    h.reg(eax, 1);
    a.cmp(T(eax), TAG.cell).jne(generic);
    a.mov(eax, V(eax)).cmp(byte(eax), KIND.String).jne(generic);
    a.call('iter_native_ok').test(eax, eax).jz(generic);
    a.mov(ecx, 2).call('new_vector');
    h.reg(ecx, 1);
    copyValue(a, at(eax, 8), valueAt(ecx), edx);
    a.mov(dword(eax, 16), 0).mov(dword(eax, 20), TAG.int);
    a.mov(conv0(0), eax).mov(conv0(4), TAG.cell);
    a.jmp(step);
    a.label(generic);
    intrinsicFunction(a, 11, none);
    a.mov(root('tmp0'), eax).mov(root('tmp0', 4), TAG.cell);
    a.mov(root('tmp1'), 0).mov(root('tmp1', 4), TAG.undef);
    h.reg(eax, 1);
    a.mov(var32('call_first'), eax).mov(var32('call_argc'), 1);
    a.mov(var32('call_cont'), sym(c0));
    saveResumePc(a);
    a.jmp('interp_enter_frame');
    // the record [iterator, next] (Intrinsic 11): the iterator in conv0, next in conv1
    a.label(c0).add(esi, 1);
    a.cmp(edx, TAG.cell).jne(notObj).cmp(byte(eax), KIND.Array).jne(notObj);
    a.mov(eax, dword(eax, ARRAY_ELEMENTS));
    copyValue(a, conv0, at(eax, 8), ecx);
    copyValue(a, conv1, at(eax, 16), ecx);
    // one step: eax:edx = the next value, or finish
    a.label(step);
    a.mov(edi, conv0(0)).cmp(byte(edi), KIND.ValueVector).jne(h.lbl('callnext'));
    a.mov(eax, dword(edi, 8)).mov(ecx, dword(edi, 16));
    a.cmp(ecx, dword(eax, STR.length)).jae(finish);
    a.add(dword(edi, 16), 1);
    loadUnit(a, eax, ecx, edx, h.label('u2'), h.label('u2got'));
    a.mov(eax, edx).and(edx, 0xfc00).cmp(edx, 0xd800).jne(one);
    a.mov(edx, dword(edi, 8)).add(ecx, 1).cmp(ecx, dword(edx, STR.length)).jae(one);
    a.push(eax);
    loadUnit(a, edx, ecx, edx, h.label('u3'), h.label('u3got'));
    a.mov(ecx, edx).and(ecx, 0xfc00).cmp(ecx, 0xdc00).pop(eax).jne(one);
    a.add(dword(edi, 16), 1);
    a.push(edx).push(eax);
    a.mov(ecx, 2).mov(edx, STRING_TWO_BYTE).call('str_alloc');
    a.pop(ecx).mov(word(eax, STR.units), cx).pop(ecx).mov(word(eax, STR.units + 2), cx);
    a.mov(edx, TAG.cell).jmp(append);
    a.label(one).call('unit_string').mov(edx, TAG.cell).jmp(append);
    // a user iterator: result = next.call(iterator), next read once by GetIterator
    a.label(h.lbl('callnext'));
    a.mov(eax, conv1(0)).cmp(conv1(4), TAG.cell).jne(h.lbl('notfn')).cmp(byte(eax), KIND.Function).jne(h.lbl('notfn'));
    callMethodWithContinuation(h, conv0, c1);
    a.label(c1).add(esi, 1);
    jumpUnlessObject(a, h.lbl('badresult'));
    a.mov(root('tmp2'), eax).mov(root('tmp2', 4), TAG.cell);
    a.mov(edx, root('sDone')).mov(ecx, TAG.cell).call('get_prop');
    a.cmp(edx, TAG_ACCESSOR).je(h.lbl('accessor'));
    a.push(edx).push(eax).mov(eax, esp).call('to_boolean').add(esp, 8);
    a.test(eax, eax).jnz(finish);
    a.mov(eax, root('tmp2')).mov(edx, root('sValue')).mov(ecx, TAG.cell).call('get_prop');
    a.cmp(edx, TAG_ACCESSOR).je(h.lbl('accessor'));
    // append eax:edx to the array
    a.label(append);
    a.mov(root('tmp2'), eax).mov(root('tmp2', 4), edx);
    h.reg(eax, 0);
    a.mov(eax, V(eax)).mov(root('tmp0'), eax).mov(root('tmp0', 4), TAG.cell);
    a.mov(ecx, dword(eax, ARRAY_LENGTH)).call('array_set');
    a.jmp(step);
    a.label(finish);
    a.mov(root('tmp2', 4), TAG.undef).mov(conv0(4), TAG.undef).mov(conv1(4), TAG.undef);
    h.next();
    a.label(none);
    fatal(a, 'ArraySpread: no registered GetIterator intrinsic for a value that is not an array or string');
    a.label(notObj);
    fatal(a, 'ArraySpread: the registered GetIterator did not return an iterator record');
    // a result whose done or value is an accessor (tmp2): the prelude reads both
    a.label(h.lbl('accessor'));
    intrinsicFunction(a, Intrinsic.IteratorResultValue, h.lbl('noirv'));
    callMethodWithContinuation(h, rootW('tmp2'), h.lbl('c2'));
    a.label(h.lbl('c2')).add(esi, 1);
    a.mov(ecx, root('intrinsics')).cmp(edx, TAG.cell).jne(append).cmp(eax, dword(ecx, slot(Intrinsic.IteratorResultValue))).je(finish);
    a.jmp(append);
    a.label(h.lbl('noirv'));
    fatal(a, 'ArraySpread: an iterator result with accessors needs the IteratorResultValue intrinsic');
    a.label(h.lbl('badresult'));
    throwIteratorResult(a);
    a.label(h.lbl('notfn'));
    a.mov(eax, conv1(0)).mov(edx, conv1(4)).jmp('throw_value_not_callable');
  },
  GetIterator: (h) => {
    const a = h.a, generic = h.label('generic'), none = h.label('none');
    h.reg(eax, 1);
    a.cmp(T(eax), TAG.cell).jne(generic);
    a.mov(eax, V(eax)).cmp(byte(eax), KIND.Array).je(h.lbl('native')).cmp(byte(eax), KIND.String).jne(generic);
    a.label(h.lbl('native'));
    a.call('iter_native_ok').test(eax, eax).jz(generic);
    // a native iterator over an array or a string: a ValueVector [source, index]
    a.mov(ecx, 2).call('new_vector');
    h.reg(ecx, 1);
    copyValue(a, at(eax, 8), valueAt(ecx), edx);
    a.mov(dword(eax, 16), 0).mov(dword(eax, 20), TAG.int);
    storeCell(h, 0);
    h.next();
    a.label(generic);
    intrinsicFunction(a, 11, none);
    // this = undefined (callNewTarget is undefined outside a construct call's setup)
    callFromHandler(h, (w) => root('callNewTarget', w), { firstOp: 1, argc: 1 }, 0);
    a.label(none);
    fatal(a, 'GetIterator: no registered GetIterator intrinsic for a value that is not an array or string');
  },
  IteratorNext: (h) => {
    const a = h.a, generic = h.label('generic'), end = h.label('end'), str = h.label('str'), cont = h.label('cont'),
      notObj = h.label('notobj'), notFn = h.label('notfn'), one = h.label('one'), store = h.label('store');
    h.reg(eax, 1);
    a.cmp(T(eax), TAG.cell).jne(notObj);
    a.mov(edi, V(eax)).cmp(byte(edi), KIND.ValueVector).jne(generic);
    a.mov(eax, dword(edi, 8)).mov(ecx, dword(edi, 16));
    a.cmp(byte(eax), KIND.String).je(str);
    a.cmp(ecx, dword(eax, ARRAY_LENGTH)).jae(end);
    a.add(dword(edi, 16), 1);
    a.mov(edx, dword(eax, ARRAY_ELEMENTS));
    a.mov(eax, dword({ base: edx, index: ecx, scale: 8, disp: 8 })).mov(edx, dword({ base: edx, index: ecx, scale: 8, disp: 12 }));
    a.cmp(edx, TAG.hole).jne(store).mov(edx, TAG.undef);
    a.label(store);
    storeValue(h, 0);
    h.next();
    a.label(end);
    h.jump(2);
    // strings: by code point (a surrogate pair is one two-unit string)
    a.label(str);
    a.cmp(ecx, dword(eax, STR.length)).jae(end);
    a.add(dword(edi, 16), 1);
    loadUnit(a, eax, ecx, edx, h.label('u2'), h.label('u2got'));
    a.mov(eax, edx).and(edx, 0xfc00).cmp(edx, 0xd800).jne(one);
    a.mov(edx, dword(edi, 8)).add(ecx, 1).cmp(ecx, dword(edx, STR.length)).jae(one);
    a.push(eax);
    loadUnit(a, edx, ecx, edx, h.label('u3'), h.label('u3got'));
    a.mov(ecx, edx).and(ecx, 0xfc00).cmp(ecx, 0xdc00).pop(eax).jne(one);
    a.add(dword(edi, 16), 1);
    a.push(edx).push(eax);
    a.mov(ecx, 2).mov(edx, STRING_TWO_BYTE).call('str_alloc');
    a.pop(ecx).mov(word(eax, STR.units), cx).pop(ecx).mov(word(eax, STR.units + 2), cx);
    storeCell(h, 0);
    h.next();
    a.label(one).call('unit_string');
    storeCell(h, 0);
    h.next();
    // an iterator record [iterator, next] (Intrinsic 11): result = next.call(iterator),
    // through a continuation
    a.label(generic);
    a.cmp(byte(edi), KIND.Array).jne(notObj);
    a.mov(edx, dword(edi, ARRAY_ELEMENTS));
    a.mov(eax, dword(edx, 16)).cmp(dword(edx, 20), TAG.cell).jne(notFn).cmp(byte(eax), KIND.Function).jne(notFn);
    callMethodWithContinuation(h, (w) => dword(edx, 8 + w), cont);
    a.label(cont).add(esi, 1);
    jumpUnlessObject(a, h.lbl('badresult'));
    a.mov(root('tmp2'), eax).mov(root('tmp2', 4), TAG.cell); // the result
    a.mov(edx, root('sDone')).mov(ecx, TAG.cell).call('get_prop');
    a.cmp(edx, TAG_ACCESSOR).je(h.lbl('accessor'));
    a.push(edx).push(eax).mov(eax, esp).call('to_boolean').add(esp, 8);
    a.test(eax, eax).jnz(h.lbl('rdone'));
    a.mov(eax, root('tmp2')).mov(edx, root('sValue')).mov(ecx, TAG.cell).call('get_prop');
    a.cmp(edx, TAG_ACCESSOR).je(h.lbl('accessor'));
    a.label(h.lbl('rvalue')).mov(root('tmp2', 4), TAG.undef);
    storeValue(h, 0);
    h.next();
    a.label(h.lbl('rdone')).mov(root('tmp2', 4), TAG.undef).jmp(end);
    // a result whose done or value is an accessor: the prelude reads both
    a.label(h.lbl('accessor'));
    intrinsicFunction(a, Intrinsic.IteratorResultValue, h.lbl('noirv'));
    callMethodWithContinuation(h, rootW('tmp2'), h.lbl('c2'));
    a.label(h.lbl('c2')).add(esi, 1);
    a.mov(ecx, root('intrinsics')).cmp(edx, TAG.cell).jne(h.lbl('rvalue')).cmp(eax, dword(ecx, slot(Intrinsic.IteratorResultValue))).je(h.lbl('rdone'));
    a.jmp(h.lbl('rvalue'));
    a.label(h.lbl('noirv'));
    fatal(a, 'IteratorNext: an iterator result with accessors needs the IteratorResultValue intrinsic');
    a.label(h.lbl('badresult'));
    throwIteratorResult(a);
    a.label(notFn);
    a.mov(eax, dword(edx, 16)).mov(edx, dword(edx, 20)).jmp('throw_value_not_callable');
    a.label(notObj);
    fatal(a, 'IteratorNext: the operand is not an iterator from GetIterator');
  },
  IteratorClose: (h) => {
    // native iterators have nothing to close, nor has a record's iterator whose `return`
    // is null or undefined; a function return() is called here and its result must be an
    // object (when this runs for a throw, the compiler's handler drops the error); an
    // accessor or a non-callable `return` goes to the prelude's IteratorClose (Intrinsic
    // 29, given the record), which has Node's errors
    const a = h.a, nothing = h.lbl('nothing'), none = h.lbl('none'), other = h.lbl('other');
    h.reg(eax, 0);
    a.cmp(T(eax), TAG.cell).jne(nothing);
    a.mov(eax, V(eax)).cmp(byte(eax), KIND.Array).jne(nothing);
    a.mov(eax, dword(eax, ARRAY_ELEMENTS)).mov(eax, dword(eax, 8));
    a.mov(edx, root('sReturn')).mov(ecx, TAG.cell).call('get_prop');
    a.cmp(edx, TAG.undef).je(nothing).cmp(edx, TAG.null).je(nothing);
    a.cmp(edx, TAG.cell).jne(other).cmp(byte(eax), KIND.Function).jne(other);
    h.reg(ecx, 0);
    a.mov(ecx, V(ecx)).mov(ecx, dword(ecx, ARRAY_ELEMENTS));
    callMethodWithContinuation(h, (w) => dword(ecx, 8 + w), h.lbl('returned'));
    a.label(h.lbl('returned')).add(esi, 1);
    jumpUnlessObject(a, h.lbl('badresult'));
    a.label(nothing);
    h.next();
    a.label(h.lbl('badresult'));
    throwIteratorResult(a);
    a.label(other);
    intrinsicFunction(a, 29, none);
    callFromHandler(h, (w) => root('callNewTarget', w), { firstOp: 0, argc: 1 });
    a.label(none);
    fatal(a, 'IteratorClose: an accessor or non-callable return needs the prelude\'s IteratorClose (Intrinsic 29, not registered)');
  },
  ForInKeys: (h) => {
    const a = h.a, empty = h.label('empty'), bad = h.label('bad'), walk = h.label('walk'), scan = h.label('scan'),
      next = h.label('next'), done = h.label('done'), inherited = h.label('inherited');
    h.reg(eax, 1);
    a.cmp(T(eax), TAG.cell).jne(empty);
    a.mov(ecx, V(eax)).cmp(byte(ecx), KIND.Symbol).je(empty);
    ownKeysNative(h, bad, (r) => { h.reg(r, 1); a.lea(r, mem({ base: ebp, index: r, scale: 8 })); }, 1);
    // inherited enumerable string keys are not collected yet: stop rather than miss them
    h.reg(eax, 1);
    a.mov(eax, V(eax));
    a.cmp(byte(eax), KIND.String).jne(walk);
    a.mov(eax, root('intrinsics')).cmp(dword(eax, slot(3) + 4), TAG.cell).jne(done).mov(eax, dword(eax, slot(3))).jmp(h.lbl('check'));
    a.label(walk);
    a.cmp(dword(eax, PROTO + 4), TAG.cell).jne(done);
    a.mov(eax, dword(eax, PROTO));
    a.label(h.lbl('check'));
    // an array on the chain: its elements are enumerable keys (not in its property table)
    a.cmp(byte(eax), KIND.Array).jne(h.lbl('notarray'));
    a.cmp(dword(eax, ARRAY_LENGTH), 0).jne(inherited);
    a.label(h.lbl('notarray'));
    // so are a typed array's
    jumpUnlessTyped(a, eax, h.lbl('notview'));
    a.cmp(dword(eax, VIEW_LENGTH), 0).jne(inherited);
    a.label(h.lbl('notview'));
    a.cmp(dword(eax, PROPS + 4), TAG.cell).jne(walk);
    a.mov(edx, dword(eax, PROPS)).mov(ecx, dword(edx, PT_COUNT)).add(edx, PT_ENTRIES);
    a.label(scan).test(ecx, ecx).jz(walk);
    a.test(byte(edx, 16), 1).jz(next);
    a.cmp(dword(edx, 4), TAG.int).je(inherited);
    a.mov(edi, dword(edx)).cmp(byte(edi), KIND.String).je(inherited);
    a.label(next).add(edx, PT_ENTRY_SIZE).sub(ecx, 1).jmp(scan);
    a.label(done);
    h.next();
    a.label(empty);
    a.xor(ecx, ecx).call('new_vector').mov(root('tmp0'), eax).mov(root('tmp0', 4), TAG.cell);
    a.xor(ecx, ecx).call('array_from_vector');
    storeCell(h, 0);
    h.next();
    // an enumerable key on the chain: walk it with the state [P, R, S, i] (a ValueVector in
    // the frame's conv0 slot): P the prototype being visited, R the result (own enumerable
    // keys first), S every key seen so far (shadowed keys are skipped, enumerable or not),
    // i the position in P's own keys (register 0 while they are walked)
    const conv0 = (w: number) => dword(ebp, fslot(FRAME_SLOT.conv0) + w);
    const st = (k: number, w = 0) => { a.mov(edi, conv0(0)); return dword(edi, 8 + 8 * k + w); };
    const level = h.label('level'), kloop = h.label('kloop'), nextLevel = h.label('nextlevel'), finish = h.label('finish');
    const sScan = h.label('sscan'), notSeen = h.label('notseen'), noEntry = h.label('noentry'), strProto = h.label('strproto'), protoSet = h.label('protoset');
    a.label(inherited);
    a.mov(ecx, 4).call('new_vector');
    a.mov(conv0(0), eax).mov(conv0(4), TAG.cell);
    h.reg(ecx, 0);
    copyValue(a, at(eax, 16), valueAt(ecx), edx);
    a.mov(dword(eax, 32), 0).mov(dword(eax, 36), TAG.int);
    ownKeysNative(h, bad, (r) => { h.reg(r, 1); a.lea(r, mem({ base: ebp, index: r, scale: 8 })); }, 0);
    h.reg(ecx, 0);
    a.mov(edx, V(ecx)).mov(st(2), edx).mov(dword(edi, 8 + 16 + 4), TAG.cell);
    h.reg(eax, 1);
    a.mov(eax, V(eax)).cmp(byte(eax), KIND.String).je(strProto);
    a.mov(ecx, dword(eax, PROTO)).mov(edx, dword(eax, PROTO + 4)).jmp(protoSet);
    a.label(strProto);
    a.mov(eax, root('intrinsics')).mov(ecx, dword(eax, slot(3))).mov(edx, dword(eax, slot(3) + 4));
    a.label(protoSet);
    a.mov(st(0), ecx).mov(dword(edi, 12), edx);
    a.label(level);
    a.cmp(st(0, 4), TAG.cell).jne(finish);
    ownKeysNative(h, bad, (r) => { a.mov(r, conv0(0)).add(r, 8); }, 0);
    a.mov(st(3), 0);
    a.label(kloop);
    h.reg(eax, 0);
    a.mov(eax, V(eax)).mov(ecx, st(3));
    a.cmp(ecx, dword(eax, ARRAY_LENGTH)).jae(nextLevel);
    a.add(dword(edi, 8 + 24), 1);
    a.mov(edx, dword(eax, ARRAY_ELEMENTS)).mov(edx, dword({ base: edx, index: ecx, scale: 8, disp: 8 })); // the key (an interned string)
    // seen already?
    a.mov(eax, dword(edi, 8 + 16)).mov(ecx, dword(eax, ARRAY_LENGTH)).mov(eax, dword(eax, ARRAY_ELEMENTS));
    a.label(sScan).test(ecx, ecx).jz(notSeen);
    a.sub(ecx, 1).cmp(edx, dword({ base: eax, index: ecx, scale: 8, disp: 8 })).je(kloop).jmp(sScan);
    a.label(notSeen);
    a.mov(root('tmp2'), edx).mov(root('tmp2', 4), TAG.cell);
    a.mov(root('tmp3'), edx).mov(root('tmp3', 4), TAG.cell);
    a.mov(eax, st(2)).mov(root('tmp0'), eax).mov(root('tmp0', 4), TAG.cell);
    a.mov(ecx, dword(eax, ARRAY_LENGTH)).call('array_set');
    // enumerable on P?
    a.mov(eax, sym('vm_roots').plus(rootOffset('tmp3'))).call('elem_key');
    a.mov(eax, st(0)).call('prop_find');
    a.test(eax, eax).jz(noEntry);
    a.test(byte(eax, 16), 1).jz(kloop);
    a.label(h.lbl('addkey'));
    copyValue(a, rootW('tmp2'), rootW('tmp3'), eax);
    a.mov(eax, st(1)).mov(root('tmp0'), eax).mov(root('tmp0', 4), TAG.cell);
    a.mov(ecx, dword(eax, ARRAY_LENGTH)).call('array_set');
    a.mov(root('tmp3', 4), TAG.undef);
    a.jmp(kloop);
    a.label(nextLevel);
    a.mov(eax, st(0)).mov(ecx, dword(eax, PROTO)).mov(edx, dword(eax, PROTO + 4));
    a.mov(dword(edi, 8), ecx).mov(dword(edi, 12), edx);
    a.jmp(level);
    a.label(finish);
    a.mov(root('tmp3', 4), TAG.undef);
    a.mov(eax, st(1));
    storeCell(h, 0);
    a.mov(conv0(4), TAG.undef);
    h.next();
    a.label(noEntry);
    // an array's own key outside its property table is one of its elements: enumerable
    a.mov(eax, st(0)).cmp(byte(eax), KIND.Array).je(h.lbl('addkey'));
    jumpUnlessTyped(a, eax, h.lbl('noelement'));
    a.jmp(h.lbl('addkey'));
    a.label(h.lbl('noelement'));
    fatal(a, 'ForInKeys: inherited keys of strings or functions\' virtual properties are not implemented');
    a.label(bad);
    fatal(a, 'ForInKeys: the object kind is not supported');
  },
};
