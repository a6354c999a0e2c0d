// Class machinery: NewClass, methods and home objects, super calls and lookups, private
// names and brands, instanceof.

import { al, byte, dword, eax, ebp, ecx, edi, edx, esi, esp, sym, word } from '../../image-builder/x86/index.ts';
import { FunctionFlag, type OpcodeName } from '../../image-builder/bytecode/index.ts';
import { T, V, root, var32 } from './asm.ts';
import { TAG, slot, KIND, PROTO, FN_HOME, OBJECT_SIZE, PROPS, fslot, FRAME_SLOT, FN_INDEX, FRAME_CONSTRUCT } from './layout.ts';
import { FN_RECORDS, at, copyValue, fatal, intrinsicFunction, rootW, saveResumePc, throwMessage } from './runtime.ts';
import { H, loadTag, storeCell, valueAt } from './helpers.ts';
import { saveNextPc, constructThis, requireConstructor, spreadArgs } from './calls.ts';
import { isPropObject, storeValue, throwTmp3, finishGet, regKey, defineFromRegs } from './properties.ts';

/** Classes: private names, home objects, super, instanceof. */
export const CLASS_HANDLERS: Partial<Record<OpcodeName, (h: H) => void>> = {
  CheckPrivateBrand: (h) => {
    const a = h.a, bad = h.label('bad');
    h.reg(eax, 0);
    a.cmp(T(eax), TAG.cell).jne(bad);
    a.mov(eax, V(eax));
    isPropObject(a, eax, bad);
    h.reg(ecx, 1);
    a.mov(edx, V(ecx)).mov(ecx, TAG.cell).call('prop_find').test(eax, eax).jz(bad);
    h.next();
    a.label(bad);
    h.u16(eax, 2);
    a.mov(edx, root('constants'));
    copyValue(a, rootW('tmp3'), (w) => dword({ base: edx, index: eax, scale: 8, disp: 8 + w }), ecx);
    throwTmp3(a, 'TypeError: ', '');
  },
  InstanceOf: (h) => {
    // `v instanceof C`: C[Symbol.hasInstance](v) when C has one other than the prelude's
    // Function.prototype[Symbol.hasInstance] (OrdinaryHasInstance, done here); that and the
    // unusual cases (an accessor, a prototype that is not an object) go to the prelude's
    // InstanceOf (Intrinsic 26), which has Node's errors.
    const a = h.a, notCallable = h.label('notcallable'), notObject = h.label('notobject'), no = h.label('no'), yes = h.label('yes'),
      loop = h.label('loop'), badProto = h.label('badproto'), plain = h.label('plain'), ordinary = h.label('ordinary'),
      delegate = h.label('delegate'), noPrelude = h.label('noprelude');
    h.reg(ecx, 2);
    a.cmp(T(ecx), TAG.cell).jne(notObject);
    a.mov(eax, V(ecx));
    isPropObject(a, eax, notObject);
    a.mov(edx, root('intrinsics')).cmp(dword(edx, slot(17) + 4), TAG.cell).jne(plain);
    a.mov(edx, dword(edx, slot(17))).mov(ecx, TAG.cell).call('get_prop');
    a.cmp(edx, TAG.undef).je(plain).cmp(edx, TAG.null).je(plain);
    a.cmp(edx, TAG.cell).jne(delegate);
    a.mov(ecx, root('intrinsics')).cmp(eax, dword(ecx, slot(18))).jne(delegate);
    h.reg(ecx, 2);
    a.mov(eax, V(ecx)).cmp(byte(eax), KIND.Function).jne(no).jmp(ordinary);
    a.label(plain);
    h.reg(ecx, 2);
    a.mov(eax, V(ecx)).cmp(byte(eax), KIND.Function).jne(notCallable);
    a.label(ordinary);
    a.mov(edx, root('sPrototype')).mov(ecx, TAG.cell).call('get_prop');
    a.cmp(edx, TAG.cell).jne(badProto);
    isPropObject(a, eax, badProto);
    a.mov(edi, eax);
    h.reg(ecx, 1);
    a.cmp(T(ecx), TAG.cell).jne(no);
    a.mov(eax, V(ecx));
    isPropObject(a, eax, no);
    a.label(loop);
    a.cmp(dword(eax, PROTO + 4), TAG.cell).jne(no);
    a.mov(eax, dword(eax, PROTO)).cmp(eax, edi).je(yes).jmp(loop);
    a.label(yes).mov(eax, 1);
    h.storeTag(0, TAG.bool);
    h.next();
    a.label(no).xor(eax, eax);
    h.storeTag(0, TAG.bool);
    h.next();
    a.label(notObject);
    throwMessage(a, 'TypeError: Right-hand side of \'instanceof\' is not an object');
    a.label(notCallable);
    throwMessage(a, 'TypeError: Right-hand side of \'instanceof\' is not callable');
    a.label(badProto);
    a.label(delegate);
    intrinsicFunction(a, 26, noPrelude);
    a.mov(root('tmp0'), eax).mov(root('tmp0', 4), TAG.cell);
    a.mov(ecx, 2).call('new_vector');
    h.reg(ecx, 1);
    copyValue(a, at(eax, 8), valueAt(ecx), edx);
    h.reg(ecx, 2);
    copyValue(a, at(eax, 16), valueAt(ecx), edx);
    a.mov(root('callArgs'), eax).mov(root('callArgs', 4), TAG.cell);
    a.mov(root('tmp1'), 0).mov(root('tmp1', 4), TAG.undef);
    a.mov(var32('call_first'), -1).mov(var32('call_argc'), 2);
    h.reg(eax, 0);
    a.mov(var32('call_dst'), eax);
    saveNextPc(h);
    a.jmp('interp_enter_frame');
    a.label(noPrelude);
    throwMessage(a, 'TypeError: Function has non-object prototype \'undefined\' in instanceof check');
  },
  DefineMethod: (h) => {
    defineFromRegs(h, 0b0110, () => {
      const a = h.a;
      h.reg(eax, 2).reg(ecx, 0);
      a.mov(eax, V(eax));
      copyValue(a, at(eax, FN_HOME), valueAt(ecx), edx);
    });
  },
  DefineMethods: (h) => {
    // One closure per function, each defined on obj under its function's name constant by
    // define_prop (the routine every definition goes through). The loop index is on the
    // stack; obj and env are read again from their registers after each allocation (the
    // collector moves them).
    const a = h.a, bad = h.label('bad'), loop = h.label('loop'), done = h.label('done');
    h.reg(eax, 0);
    a.cmp(T(eax), TAG.cell).jne(bad);
    a.mov(eax, V(eax));
    isPropObject(a, eax, bad);
    // non-enumerable methods (installMethods' prototype tables, a class's methods) fill a
    // singleton: unique shape ids without a transition per method (shapes.ts), as the
    // installMethods native does; an object literal's enumerable methods take transitions
    const shared = h.label('shared');
    h.reg(ecx, 4);
    a.test(ecx, 1).jnz(shared);
    a.add(var32('shape_unique_adds'), 1);
    a.label(shared);
    a.push(0);
    a.label(loop);
    h.reg(ecx, 3);
    a.cmp(dword(esp), ecx).jae(done);
    h.reg(ecx, 1);
    copyValue(a, rootW('tmp3'), valueAt(ecx), eax);
    h.u16(ecx, 2);
    a.add(ecx, dword(esp)).call('new_function');
    a.mov(root('tmp2'), eax).mov(root('tmp2', 4), TAG.cell);
    const noHome = h.label('nohome');
    h.reg(ecx, 4);
    a.test(ecx, 8).jz(noHome);
    h.reg(ecx, 0);
    copyValue(a, at(eax, FN_HOME), valueAt(ecx), edx); // (a class's methods: DefineMethod's home object)
    a.label(noHome);
    a.mov(ecx, dword(eax, FN_INDEX)).shl(ecx, 5).mov(ecx, dword({ base: ecx, disp: FN_RECORDS.plus(8) })); // the name constant
    a.mov(edx, root('constants')).mov(edx, dword({ base: edx, index: ecx, scale: 8, disp: 8 }));
    a.mov(root('tmp1'), edx).mov(root('tmp1', 4), TAG.cell);
    h.reg(ecx, 0);
    copyValue(a, rootW('tmp0'), valueAt(ecx), eax);
    h.reg(ecx, 4);
    a.and(ecx, 7).mov(var32('def_attr'), ecx).call('define_prop');
    a.add(dword(esp), 1).jmp(loop);
    a.label(done).add(esp, 4);
    const sharedDone = h.label('shared_done');
    h.reg(ecx, 4);
    a.test(ecx, 1).jnz(sharedDone);
    a.sub(var32('shape_unique_adds'), 1);
    a.label(sharedDone);
    h.next();
    a.label(bad);
    fatal(a, 'DefineMethods: the target is not an object');
  },
  NewPrivateName: (h) => {
    const a = h.a;
    a.mov(ecx, 16).mov(edx, KIND.PrivateName).call('heap_alloc');
    h.u16(ecx, 1);
    a.mov(edx, root('constants'));
    copyValue(a, at(eax, 8), (w) => dword({ base: edx, index: ecx, scale: 8, disp: 8 + w }), edi);
    storeCell(h, 0);
    h.next();
  },
  GetPrivate: (h) => {
    const a = h.a, bad = h.label('bad');
    privateFind(h, 1, 2, bad);
    h.reg(ecx, 0);
    copyValue(a, valueAt(ecx), at(eax, 8), edx);
    h.next();
    a.label(bad);
    privateError(h, 2, 'TypeError: Cannot read private member ', ' from an object whose class did not declare it');
  },
  SetPrivate: (h) => {
    const a = h.a, bad = h.label('bad');
    privateFind(h, 0, 1, bad);
    h.reg(ecx, 2);
    copyValue(a, at(eax, 8), valueAt(ecx), edx);
    h.next();
    a.label(bad);
    privateError(h, 1, 'TypeError: Cannot write private member ', ' to an object whose class did not declare it');
  },
  HasPrivate: (h) => {
    const a = h.a, bad = h.label('bad'), no = h.label('no');
    h.reg(eax, 1);
    a.cmp(T(eax), TAG.cell).jne(bad);
    a.mov(eax, V(eax));
    isPropObject(a, eax, bad);
    h.reg(ecx, 2);
    a.mov(edx, V(ecx)).mov(ecx, TAG.cell).call('prop_find').test(eax, eax).setcc('ne', al).movzx(eax, al);
    h.storeTag(0, TAG.bool);
    h.next();
    a.label(bad);
    throwMessage(a, 'TypeError: Cannot use \'in\' operator to search for a private field in a non-object');
    void no;
  },
  DefinePrivate: (h) => {
    const a = h.a, bad = h.label('bad'), twice = h.label('twice');
    h.reg(eax, 0);
    a.cmp(T(eax), TAG.cell).jne(bad);
    a.mov(eax, V(eax));
    isPropObject(a, eax, bad);
    h.reg(ecx, 1);
    a.mov(edx, V(ecx)).mov(ecx, TAG.cell).call('prop_find').test(eax, eax).jnz(twice);
    h.reg(eax, 0);
    copyValue(a, rootW('tmp0'), valueAt(eax), ecx);
    h.reg(eax, 1);
    copyValue(a, rootW('tmp1'), valueAt(eax), ecx);
    h.reg(eax, 2);
    copyValue(a, rootW('tmp2'), valueAt(eax), ecx);
    a.mov(var32('def_attr'), 0b0010).call('define_prop');
    h.next();
    a.label(twice);
    throwMessage(a, 'TypeError: Cannot initialize private methods of class twice on the same object');
    a.label(bad);
    fatal(a, 'DefinePrivate: the target is not an object');
  },
  NewClass: (h) => {
    const a = h.a, noParent = h.label('noparent'), nullParent = h.label('nullparent'), haveProto = h.label('haveproto'), bad = h.label('bad');
    h.reg(ecx, 2);
    a.cmp(T(ecx), TAG.hole).je(noParent);
    a.cmp(T(ecx), TAG.null).je(nullParent);
    requireConstructor(h, 2, bad);
    // ctor.[[Prototype]] = parent; the new prototype's parent = parent.prototype
    h.reg(ecx, 1).reg(edx, 2);
    a.mov(edi, V(ecx));
    copyValue(a, at(edi, PROTO), valueAt(edx), ecx);
    a.mov(eax, V(edx)).mov(edx, root('sPrototype')).mov(ecx, TAG.cell).call('get_prop');
    a.cmp(edx, TAG.null).je(nullParent);
    a.cmp(edx, TAG.cell).jne(bad);
    a.mov(root('tmp5'), eax).mov(root('tmp5', 4), edx).jmp(haveProto);
    a.label(nullParent).mov(root('tmp5'), 0).mov(root('tmp5', 4), TAG.null).jmp(haveProto);
    a.label(noParent);
    copyValue(a, rootW('tmp5'), rootW('objectProto'), ecx);
    a.label(haveProto);
    a.mov(ecx, OBJECT_SIZE).mov(edx, KIND.Object).call('heap_alloc');
    copyValue(a, at(eax, PROTO), rootW('tmp5'), edx);
    a.mov(dword(eax, PROPS), 0).mov(dword(eax, PROPS + 4), TAG.undef);
    a.mov(root('tmp5'), eax).mov(root('tmp5', 4), TAG.cell);
    // proto.constructor = ctor (non-enumerable)
    a.mov(root('tmp0'), eax).mov(root('tmp0', 4), TAG.cell);
    copyValue(a, rootW('tmp1'), rootW('sConstructor'), ecx);
    h.reg(eax, 1);
    copyValue(a, rootW('tmp2'), valueAt(eax), ecx);
    a.mov(var32('def_attr'), 0b0110).call('define_prop');
    // ctor.prototype = proto (not writable, enumerable or configurable)
    h.reg(eax, 1);
    copyValue(a, rootW('tmp0'), valueAt(eax), ecx);
    copyValue(a, rootW('tmp1'), rootW('sPrototype'), ecx);
    copyValue(a, rootW('tmp2'), rootW('tmp5'), ecx);
    a.mov(root('tmp5', 4), TAG.undef);
    a.mov(var32('def_attr'), 0).call('define_prop');
    h.reg(ecx, 0).reg(edx, 1);
    copyValue(a, valueAt(ecx), valueAt(edx), eax);
    h.next();
    a.label(bad);
    throwMessage(a, 'TypeError: Class extends value is not a constructor or null');
  },
  SuperCall: (h) => superCall(h, false),
  SetHome: (h) => {
    const a = h.a, bad = h.label('bad');
    h.reg(eax, 0).reg(ecx, 1);
    a.cmp(T(eax), TAG.cell).jne(bad);
    a.mov(eax, V(eax)).cmp(byte(eax), KIND.Function).jne(bad);
    copyValue(a, at(eax, FN_HOME), valueAt(ecx), edx);
    h.next();
    a.label(bad);
    fatal(a, 'SetHome: the operand is not a bytecode function');
  },
  LoadHome: (h) => {
    const a = h.a;
    h.reg(ecx, 0);
    a.mov(eax, dword(ebp, fslot(FRAME_SLOT.function)));
    copyValue(a, valueAt(ecx), at(eax, FN_HOME), edx);
    h.next();
  },
  GetSuper: (h) => {
    const a = h.a, undef = h.label('undef'), got = h.label('got');
    regKey(h, 1);
    a.mov(eax, dword(ebp, fslot(FRAME_SLOT.function)));
    a.cmp(dword(eax, FN_HOME + 4), TAG.cell).jne(undef);
    a.mov(eax, dword(eax, FN_HOME));
    a.cmp(dword(eax, PROTO + 4), TAG.cell).jne(undef);
    a.mov(eax, dword(eax, PROTO)).call('get_prop');
    a.label(got);
    finishGet(h, 0, 'frame');
    a.label(undef);
    loadTag(h, TAG.undef);
  },
  SuperCallSpread: (h) => superCall(h, true),
};

/** SuperCall / SuperCallSpread: construct the running function's [[Prototype]] with this
 *  frame's new.target; when it returns, bind this (once) and store it in dst. */
function superCall(h: H, spread: boolean): void {
  const a = h.a, bad = h.label('bad'), cont = h.label('cont'), twice = h.label('twice');
  a.mov(ecx, dword(ebp, fslot(FRAME_SLOT.function)));
  a.cmp(dword(ecx, PROTO + 4), TAG.cell).jne(bad);
  a.mov(eax, dword(ecx, PROTO));
  a.cmp(byte(eax), KIND.Function).jne(bad);
  a.mov(ecx, dword(eax, FN_INDEX)).shl(ecx, 5);
  a.test(word({ base: ecx, disp: FN_RECORDS.plus(18) }), FunctionFlag.Arrow | FunctionFlag.Method | FunctionFlag.TopLevel | FunctionFlag.Async | FunctionFlag.Generator).jnz(bad);
  if (spread) spreadArgs(h, 1);
  a.mov(ecx, dword(ebp, fslot(FRAME_SLOT.function))).mov(eax, dword(ecx, PROTO));
  a.mov(root('tmp0'), eax).mov(root('tmp0', 4), TAG.cell);
  copyValue(a, rootW('callNewTarget'), (w) => dword(ebp, fslot(FRAME_SLOT.newTarget) + w), ecx);
  constructThis(h);
  if (spread) {
    a.mov(eax, root('callArgs')).mov(eax, dword(eax, 4)).sub(eax, 8).shr(eax, 3);
    a.mov(var32('call_argc'), eax).mov(var32('call_first'), -1);
  } else {
    h.reg(eax, 1);
    a.mov(var32('call_first'), eax);
    h.reg(eax, 2);
    a.mov(var32('call_argc'), eax);
  }
  a.mov(var32('call_flags'), FRAME_CONSTRUCT);
  a.mov(var32('call_cont'), sym(cont));
  saveResumePc(a);
  a.jmp('interp_enter_frame');
  // the parent returned: bind this (once) and store it
  a.label(cont).add(esi, 1);
  a.cmp(dword(ebp, fslot(FRAME_SLOT.this) + 4), TAG.hole).jne(twice);
  a.mov(dword(ebp, fslot(FRAME_SLOT.this)), eax).mov(dword(ebp, fslot(FRAME_SLOT.this) + 4), edx);
  storeValue(h, 0);
  h.next();
  a.label(twice);
  throwMessage(a, 'ReferenceError: Super constructor may only be called once');
  a.label(bad);
  throwMessage(a, 'TypeError: Super constructor is not a constructor');
}

/** eax = the own entry of private name (register pnOp) in object (register objOp); else jumps to bad. */
function privateFind(h: H, objOp: number, pnOp: number, bad: string): void {
  const a = h.a;
  h.reg(eax, objOp);
  a.cmp(T(eax), TAG.cell).jne(bad);
  a.mov(eax, V(eax));
  isPropObject(a, eax, bad);
  h.reg(ecx, pnOp);
  a.mov(edx, V(ecx)).mov(ecx, TAG.cell).call('prop_find').test(eax, eax).jz(bad);
}

function privateError(h: H, pnOp: number, prefix: string, suffix: string): void {
  const a = h.a;
  h.reg(ecx, pnOp);
  a.mov(ecx, V(ecx));
  copyValue(a, rootW('tmp3'), at(ecx, 8), eax);
  throwTmp3(a, prefix, suffix);
}
