// The object model: function name/length, accessors, classes (New, NewClass, SuperCall,
// DefineMethod, GetSuper), instanceof / in / for..in filtering, private names, rest
// arguments, Exp, ToString, delete, array length, frozen objects, primitives' prototypes.
import { describe, expect, test } from 'vitest';
import { FunctionFlag } from '../../image-builder/bytecode/index.ts';
import { ModuleBuilder, NATIVE, type FunctionBuilder } from './bytecode-builder.ts';
import { runProgram } from './run.ts';

const T = 31; // scratch register for expectEq / print
const U = 30; // undefined

/** Run `body` under a handler and expect the exception (a string, as thrown before the prelude). */
function expectThrow(m: FunctionBuilder, body: (f: FunctionBuilder) => void, message: string, what: string): void {
  const h = m.module.fresh('h'), done = m.module.fresh('done');
  m.op('TryEnter', 29, h);
  body(m);
  m.op('TryLeave', 29).print(`bad ${what}: no exception\n`, T).op('Jump', done);
  m.label(h).op('TryLeave', 29).op('LoadException', 28).expectEq(28, message, what, T);
  m.label(done);
}

function objectsModule(): Uint8Array {
  const mb = new ModuleBuilder();
  const K = (s: string) => mb.constant(s);
  const m = mb.fn('main', 0, 32).f;
  const alpha = mb.fn('alpha', 3, 3, { length: 1 });
  alpha.f.op('Return', 0);
  // getter: this.v * 2; setter: this.v = val + 1
  const getter = mb.fn('get x', 0, 3);
  getter.f.op('LoadThis', 0).op('GetProp', 1, 0, K('v'), 0).op('LoadInt', 2, 2).op('Mul', 1, 1, 2).op('Return', 1);
  const setter = mb.fn('set x', 1, 3);
  setter.f.op('LoadThis', 1).op('AddInt', 2, 0, 1).op('SetProp', 1, K('v'), 2, 0).op('LoadUndefined', 2).op('Return', 2);
  // class Base { constructor(a) { this.a = a } hello() { return this.a + 1 } }
  const base = mb.fn('Base', 1, 3, { flags: FunctionFlag.ClassConstructor });
  base.f.op('LoadThis', 1).op('SetProp', 1, K('a'), 0, 0).op('LoadUndefined', 2).op('Return', 2);
  const hello = mb.fn('hello', 0, 3, { flags: FunctionFlag.Method });
  hello.f.op('LoadThis', 0).op('GetProp', 1, 0, K('a'), 0).op('AddInt', 1, 1, 1).op('Return', 1);
  // class Derived extends Base { constructor(a) { super(a); this.b = 7 } hello() { return super.hello() + 100 } }
  const derived = mb.fn('Derived', 1, 4, { flags: FunctionFlag.ClassConstructor | FunctionFlag.Derived });
  derived.f.op('SuperCall', 1, 0, 1).op('LoadThis', 1).op('LoadInt', 2, 7).op('SetProp', 1, K('b'), 2, 0)
    .op('LoadUndefined', 3).op('Return', 3);
  const hello2 = mb.fn('hello', 0, 5, { flags: FunctionFlag.Method });
  hello2.f.loadConst(0, 'hello').op('GetSuper', 1, 0).op('LoadThis', 2).op('Call', 3, 1, 2, 0, 0)
    .op('AddInt', 3, 3, 100).op('Return', 3);
  // class Twice extends Base { constructor() { super(1); super(2) } }
  const twice = mb.fn('Twice', 0, 3, { flags: FunctionFlag.ClassConstructor | FunctionFlag.Derived });
  twice.f.op('LoadInt', 0, 1).op('SuperCall', 1, 0, 1).op('SuperCall', 1, 0, 1).op('Return', 1);
  // class NoSuper extends Base { constructor() {} }
  const noSuper = mb.fn('NoSuper', 0, 1, { flags: FunctionFlag.ClassConstructor | FunctionFlag.Derived });
  noSuper.f.op('LoadUndefined', 0).op('Return', 0);
  const toStr = mb.fn('toString', 0, 1);
  toStr.f.loadConst(0, 'custom').op('Return', 0);
  // rest(a, ...r) returns r
  const rest = mb.fn('rest', 1, 3);
  rest.f.op('LoadRestArgs', 1, 1).op('Return', 1);

  m.op('LoadUndefined', U);
  // function name / length
  m.op('Closure', 0, alpha.index, U).op('GetProp', 1, 0, K('length'), 0).expectEq(1, 1, 'fn length', T);
  m.op('GetProp', 1, 0, K('name'), 0).expectEq(1, 'alpha', 'fn name', T);
  m.loadConst(2, 'name').op('In', 1, 2, 0).expectEq(1, true, 'name in fn', T);
  // CheckHoleError
  m.op('LoadInt', 2, 0).op('CheckHoleError', 2, 1, K('not reached'));
  expectThrow(m, (f) => f.op('LoadHole', 2).op('CheckHoleError', 2, 1, K('hole!')), 'ReferenceError: hole!', 'CheckHoleError');
  // accessors
  m.op('NewObject', 3).op('LoadInt', 4, 21).op('SetProp', 3, K('v'), 4, 0);
  m.loadConst(5, 'x').op('Closure', 6, getter.index, U).op('DefineGetter', 3, 5, 6, 1);
  m.op('GetProp', 7, 3, K('x'), 0).expectEq(7, 42, 'getter', T);
  m.op('Closure', 6, setter.index, U).op('DefineSetter', 3, 5, 6, 1);
  m.op('LoadInt', 4, 10).op('SetProp', 3, K('x'), 4, 0).op('GetProp', 7, 3, K('v'), 0).expectEq(7, 11, 'setter', T);
  m.op('GetElem', 7, 3, 5).expectEq(7, 22, 'getter through GetElem', T);
  m.op('NewObject', 8).op('Closure', 6, getter.index, U).op('DefineGetter', 8, 5, 6, 0);
  expectThrow(m, (f) => f.op('SetProp', 8, K('x'), 4, 0), 'TypeError: Cannot set property x of #<Object> which has only a getter', 'getter only');
  // frozen and non-extensible objects
  m.op('NewObject', 10).op('LoadInt', 4, 1).op('SetProp', 10, K('a'), 4, 0).op('Move', 11, 10).op('LoadInt', 12, 2)
    .op('CallNative', 11, NATIVE.preventExtensions, 11, 2);
  expectThrow(m, (f) => f.op('SetProp', 10, K('a'), 4, 0), 'TypeError: Cannot assign to read only property \'a\' of object \'#<Object>\'', 'frozen write');
  expectThrow(m, (f) => f.op('SetProp', 10, K('b'), 4, 0), 'TypeError: Cannot add property b, object is not extensible', 'frozen add');
  // classes
  m.op('Closure', 0, base.index, U).op('LoadHole', 1).op('NewClass', 0, 0, 1);
  m.op('GetProp', 1, 0, K('prototype'), 0).loadConst(2, 'hello').op('Closure', 3, hello.index, U).op('DefineMethod', 1, 2, 3);
  m.op('LoadInt', 2, 5).op('New', 12, 0, 2, 1);
  m.op('GetProp', 13, 12, K('a'), 0).expectEq(13, 5, 'constructed field', T);
  m.op('GetProp', 13, 12, K('hello'), 0).op('Call', 14, 13, 12, 0, 0).expectEq(14, 6, 'method', T);
  m.op('InstanceOf', 13, 12, 0).expectEq(13, true, 'instanceof', T);
  m.op('NewObject', 14).op('InstanceOf', 13, 14, 0).expectEq(13, false, 'not instanceof', T);
  expectThrow(m, (f) => f.op('LoadInt', 15, 5).op('InstanceOf', 13, 12, 15), 'TypeError: Right-hand side of \'instanceof\' is not an object', 'instanceof primitive');
  expectThrow(m, (f) => f.op('NewObject', 15).op('InstanceOf', 13, 12, 15), 'TypeError: Right-hand side of \'instanceof\' is not callable', 'instanceof non-callable');
  m.op('GetProp', 13, 1, K('constructor'), 0).op('StrictEq', 13, 13, 0).expectEq(13, true, 'prototype.constructor', T);
  expectThrow(m, (f) => f.op('Call', 13, 0, U, 2, 1), 'TypeError: Class constructor Base cannot be invoked without \'new\'', 'class call');
  // derived classes
  m.op('Closure', 16, derived.index, U).op('NewClass', 16, 16, 0);
  m.op('GetProp', 1, 16, K('prototype'), 0).loadConst(2, 'hello').op('Closure', 3, hello2.index, U).op('DefineMethod', 1, 2, 3);
  m.op('LoadInt', 2, 5).op('New', 17, 16, 2, 1);
  m.op('GetProp', 13, 17, K('a'), 0).expectEq(13, 5, 'super() field', T);
  m.op('GetProp', 13, 17, K('b'), 0).expectEq(13, 7, 'derived field', T);
  m.op('GetProp', 13, 17, K('hello'), 0).op('Call', 14, 13, 17, 0, 0).expectEq(14, 106, 'super.method()', T);
  m.op('InstanceOf', 13, 17, 0).expectEq(13, true, 'instanceof base', T);
  m.op('Closure', 18, twice.index, U).op('NewClass', 18, 18, 0);
  expectThrow(m, (f) => f.op('New', 13, 18, 0, 0), 'ReferenceError: Super constructor may only be called once', 'super twice');
  m.op('Closure', 18, noSuper.index, U).op('NewClass', 18, 18, 0);
  expectThrow(m, (f) => f.op('New', 13, 18, 0, 0), 'ReferenceError: Must call super constructor in derived class before accessing \'this\' or returning from derived constructor', 'no super');
  // in / ForInFilter
  m.loadConst(2, 'a').op('In', 13, 2, 17).expectEq(13, true, 'in own', T);
  m.loadConst(2, 'hello').op('In', 13, 2, 17).expectEq(13, true, 'in inherited', T);
  m.loadConst(2, 'zz').op('In', 13, 2, 17).expectEq(13, false, 'in absent', T);
  expectThrow(m, (f) => f.loadConst(2, 'x').op('LoadInt', 3, 5).op('In', 13, 2, 3), 'TypeError: Cannot use \'in\' operator to search for \'x\' in 5', 'in primitive');
  m.loadConst(2, 'b').op('ForInFilter', 13, 2, 17).expectEq(13, 'b', 'ForInFilter present', T);
  m.loadConst(2, 'zz').op('ForInFilter', 13, 2, 17).expectEq(13, undefined, 'ForInFilter absent', T);
  m.loadConst(3, 'abc').op('LoadInt', 2, 1).op('ForInFilter', 13, 2, 3).expectEq(13, 1, 'ForInFilter string index', T);
  m.op('LoadNull', 3).op('ForInFilter', 13, 2, 3).expectEq(13, undefined, 'ForInFilter null', T);
  // private names
  m.op('NewPrivateName', 19, K('#p')).op('LoadInt', 2, 33).op('DefinePrivate', 17, 19, 2);
  m.op('GetPrivate', 13, 17, 19).expectEq(13, 33, 'GetPrivate', T);
  m.op('LoadInt', 2, 44).op('SetPrivate', 17, 19, 2).op('GetPrivate', 13, 17, 19).expectEq(13, 44, 'SetPrivate', T);
  m.op('HasPrivate', 13, 17, 19).expectEq(13, true, 'HasPrivate', T);
  m.op('NewObject', 20).op('HasPrivate', 13, 20, 19).expectEq(13, false, 'HasPrivate absent', T);
  m.op('CheckPrivateBrand', 17, 19, K('brand'));
  expectThrow(m, (f) => f.op('CheckPrivateBrand', 20, 19, K('Receiver must be an instance of class C')), 'TypeError: Receiver must be an instance of class C', 'brand');
  expectThrow(m, (f) => f.op('GetPrivate', 13, 20, 19), 'TypeError: Cannot read private member #p from an object whose class did not declare it', 'GetPrivate absent');
  expectThrow(m, (f) => f.op('DefinePrivate', 17, 19, 2), 'TypeError: Cannot initialize private methods of class twice on the same object', 'DefinePrivate twice');
  m.loadConst(2, '#p').op('In', 13, 2, 17).expectEq(13, false, 'private names are not string keys', T);
  // rest arguments
  m.op('Closure', 0, rest.index, U).op('LoadInt', 1, 1).op('LoadInt', 2, 2).op('LoadInt', 3, 3).op('LoadInt', 4, 4)
    .op('Call', 5, 0, U, 1, 4).op('GetProp', 6, 5, K('length'), 0).expectEq(6, 3, 'rest length', T)
    .op('LoadInt', 7, 2).op('GetElem', 6, 5, 7).expectEq(6, 4, 'rest element', T)
    .op('Call', 5, 0, U, 1, 0).op('GetProp', 6, 5, K('length'), 0).expectEq(6, 0, 'empty rest', T);
  // Exp
  m.op('LoadInt', 1, 3).op('LoadInt', 2, 4).op('Exp', 3, 1, 2).expectEq(3, 81, '3 ** 4', T);
  m.op('LoadInt', 1, 2).op('LoadInt', 2, 52).op('Exp', 3, 1, 2).expectEq(3, 2 ** 52, '2 ** 52', T);
  m.op('LoadInt', 1, -3).op('LoadInt', 2, 3).op('Exp', 3, 1, 2).expectEq(3, -27, '-3 ** 3', T);
  m.op('LoadInt', 1, 0).op('LoadInt', 2, 0).op('Exp', 3, 1, 2).expectEq(3, 1, '0 ** 0', T);
  m.loadConst(1, NaN).op('Exp', 3, 2, 1).op('StrictEq', 3, 3, 3).expectEq(3, false, 'x ** NaN', T);
  // ToString / ToPropertyKey
  m.op('LoadInt', 1, -42).op('ToString', 2, 1).expectEq(2, '-42', 'ToString int', T);
  m.op('LoadTrue', 1).op('ToString', 2, 1).expectEq(2, 'true', 'ToString bool', T);
  m.op('LoadNull', 1).op('ToString', 2, 1).expectEq(2, 'null', 'ToString null', T);
  m.loadConst(1, 4294967295).op('ToString', 2, 1).expectEq(2, '4294967295', 'ToString uint32', T);
  m.op('LoadInt', 1, 7).op('ToPropertyKey', 2, 1).expectEq(2, 7, 'ToPropertyKey int', T);
  m.op('LoadUndefined', 1).op('ToPropertyKey', 2, 1).expectEq(2, 'undefined', 'ToPropertyKey undefined', T);
  // + with a string and a primitive; ToString of an object through its toString
  m.loadConst(1, 'n=').op('LoadInt', 2, 5).op('Add', 3, 1, 2).expectEq(3, 'n=5', 'string + int', T)
    .op('LoadNull', 2).op('Add', 3, 2, 1).expectEq(3, 'nulln=', 'null + string', T);
  m.op('NewObject', 1).op('Closure', 2, toStr.index, U).op('SetProp', 1, K('toString'), 2, 0).op('ToString', 3, 1)
    .expectEq(3, 'custom', 'ToString of an object', T);
  // delete
  m.op('NewObject', 1).op('LoadInt', 2, 1);
  for (const k of ['a', 'b', 'c']) m.op('SetProp', 1, K(k), 2, 0);
  m.loadConst(3, 'b').op('DeleteElem', 4, 1, 3).expectEq(4, true, 'delete', T)
    .op('In', 4, 3, 1).expectEq(4, false, 'deleted', T).loadConst(3, 'c').op('In', 4, 3, 1).expectEq(4, true, 'others kept', T)
    .loadConst(3, 'zz').op('DeleteElem', 4, 1, 3).expectEq(4, true, 'delete absent', T);
  m.op('Move', 5, 10).loadConst(3, 'a');
  expectThrow(m, (f) => f.op('DeleteElem', 4, 5, 3), 'TypeError: Cannot delete property \'a\' of #<Object>', 'delete frozen');
  m.op('LoadInt', 2, 1).op('LoadInt', 3, 2).op('LoadInt', 4, 3).op('NewArray', 5, 2, 3)
    .op('LoadInt', 6, 1).op('DeleteElem', 7, 5, 6).op('GetElem', 7, 5, 6).expectEq(7, undefined, 'delete element', T)
    .op('In', 7, 6, 5).expectEq(7, false, 'deleted element not in', T)
    .op('GetProp', 7, 5, K('length'), 0).expectEq(7, 3, 'length after delete', T);
  // array length
  m.op('NewArray', 5, 2, 3).op('LoadInt', 6, 1).op('SetProp', 5, K('length'), 6, 0)
    .op('GetProp', 7, 5, K('length'), 0).expectEq(7, 1, 'truncate', T)
    .op('GetElem', 7, 5, 6).expectEq(7, undefined, 'truncated element', T)
    .op('LoadInt', 6, 5).op('SetProp', 5, K('length'), 6, 0).op('GetProp', 7, 5, K('length'), 0).expectEq(7, 5, 'grow', T)
    .op('LoadInt', 6, 4).op('GetElem', 7, 5, 6).expectEq(7, undefined, 'grown hole', T);
  expectThrow(m, (f) => f.op('LoadInt', 6, -1).op('SetProp', 5, K('length'), 6, 0), 'RangeError: Invalid array length', 'bad length');
  // primitives: strings, and numbers through the registered prototype
  m.loadConst(1, 'abc').op('LoadInt', 2, 1).op('GetElem', 3, 1, 2).expectEq(3, 'b', 'string index', T);
  m.op('LoadInt', 2, 3).op('GetElem', 3, 1, 2).expectEq(3, undefined, 'string index out of range', T);
  m.op('NewObject', 4).op('LoadInt', 5, 9).op('SetProp', 4, K('foo'), 5, 0)
    .op('LoadInt', 6, 4).op('Move', 7, 4).op('CallNative', 8, NATIVE.registerIntrinsic, 6, 2)
    .op('LoadInt', 6, 3).op('CallNative', 8, NATIVE.registerIntrinsic, 6, 2);
  m.op('LoadInt', 1, 5).op('GetProp', 3, 1, K('foo'), 0).expectEq(3, 9, 'number property', T);
  m.loadConst(1, 'abc').op('GetProp', 3, 1, K('foo'), 0).expectEq(3, 9, 'string property', T);
  expectThrow(m, (f) => f.op('LoadNull', 1).loadConst(2, 'k').op('GetElem', 3, 1, 2), 'TypeError: Cannot read properties of null (reading \'k\')', 'null GetElem');
  m.print('done\n', T).op('LoadInt', 0, 0).op('CallNative', 0, NATIVE.exit, 0, 1);
  return mb.encode(0);
}

const EXPECTED_OK = [
  'fn length', 'fn name', 'name in fn', 'CheckHoleError', 'getter', 'setter', 'getter through GetElem', 'getter only',
  'frozen write', 'frozen add', 'constructed field', 'method', 'instanceof', 'not instanceof', 'instanceof primitive', 'instanceof non-callable',
  'prototype.constructor', 'class call', 'super() field', 'derived field', 'super.method()', 'instanceof base',
  'super twice', 'no super', 'in own', 'in inherited', 'in absent', 'in primitive', 'ForInFilter present',
  'ForInFilter absent', 'ForInFilter string index', 'ForInFilter null', 'GetPrivate', 'SetPrivate', 'HasPrivate',
  'HasPrivate absent', 'brand', 'GetPrivate absent', 'DefinePrivate twice', 'private names are not string keys',
  'rest length', 'rest element', 'empty rest', '3 ** 4', '2 ** 52', '-3 ** 3', '0 ** 0', 'x ** NaN', 'ToString int',
  'ToString bool', 'ToString null', 'ToString uint32', 'ToPropertyKey int', 'ToPropertyKey undefined',
  'string + int', 'null + string', 'ToString of an object', 'delete',
  'deleted', 'others kept', 'delete absent', 'delete frozen', 'delete element', 'deleted element not in',
  'length after delete', 'truncate', 'truncated element', 'grow', 'grown hole', 'bad length', 'string index',
  'string index out of range', 'number property', 'string property', 'null GetElem',
];
const EXPECTED = EXPECTED_OK.map((w) => `ok ${w}\n`).join('') + 'done\n';

/** The object-model natives, string comparison, canonical index keys, captureStack. */
function nativesModule(): Uint8Array {
  const mb = new ModuleBuilder();
  const K = (s: string) => mb.constant(s);
  const m = mb.fn('main', 0, 32).f;
  const inner = mb.fn('inner', 0, 3);
  inner.f.op('LoadInt', 0, 0).op('CallNative', 1, NATIVE.captureStack, 0, 1).op('Return', 1);
  const outer = mb.fn('outer', 0, 3);
  outer.f.op('LoadUndefined', 0).op('Closure', 1, inner.index, 0).op('Call', 2, 1, 0, 0, 0).op('Return', 2);
  const getter = mb.fn(undefined, 0, 1);
  getter.f.op('LoadInt', 0, 5).op('Return', 0);
  m.op('LoadUndefined', U);
  // an object with keys b, 2, a, 0 (insertion order) and a hidden one
  m.op('NewObject', 1).op('LoadInt', 2, 1);
  m.loadConst(3, 'b').op('SetElem', 1, 3, 2).op('LoadInt', 3, 2).op('SetElem', 1, 3, 2)
    .loadConst(3, 'a').op('SetElem', 1, 3, 2).loadConst(3, '0').op('SetElem', 1, 3, 2);
  m.op('Move', 4, 1).loadConst(5, 'hidden').op('LoadInt', 6, 9).op('LoadInt', 7, 6).op('CallNative', 8, NATIVE.defineProperty, 4, 4);
  m.op('Move', 4, 1).op('LoadTrue', 5).op('CallNative', 8, NATIVE.ownKeys, 4, 2).op('GetProp', 9, 8, K('length'), 0)
    .expectEq(9, 4, 'ownKeys enumerable count', T);
  ['0', '2', 'b', 'a'].forEach((k, i) => m.op('LoadInt', 10, i).op('GetElem', 9, 8, 10).expectEq(9, k, `ownKeys[${i}]`, T));
  m.op('LoadFalse', 5).op('CallNative', 8, NATIVE.ownKeys, 4, 2).op('GetProp', 9, 8, K('length'), 0)
    .expectEq(9, 5, 'ownKeys all count', T);
  m.loadConst(5, 'hidden').op('CallNative', 9, NATIVE.propertyFlags, 4, 2).expectEq(9, 6, 'propertyFlags hidden', T);
  m.loadConst(5, 'a').op('CallNative', 9, NATIVE.propertyFlags, 4, 2).expectEq(9, 7, 'propertyFlags a', T);
  m.loadConst(5, 'zz').op('CallNative', 9, NATIVE.propertyFlags, 4, 2).expectEq(9, -1, 'propertyFlags absent', T);
  m.op('GetProp', 9, 1, K('hidden'), 0).expectEq(9, 9, 'defineProperty value', T);
  m.loadConst(3, '2').op('GetElem', 9, 1, 3).expectEq(9, 1, 'canonical index key', T);
  // accessors through the natives
  m.loadConst(5, 'g').op('Closure', 6, getter.index, U).op('LoadUndefined', 7).op('LoadInt', 8, 5)
    .op('CallNative', 9, NATIVE.defineAccessor, 4, 5);
  m.op('GetProp', 9, 1, K('g'), 0).expectEq(9, 5, 'defineAccessor getter', T);
  m.op('CallNative', 9, NATIVE.propertyFlags, 4, 2).expectEq(9, 13, 'propertyFlags accessor', T);
  m.op('LoadInt', 6, 0).op('CallNative', 9, NATIVE.getOwnAccessor, 4, 3).op('TypeOf', 9, 9).expectEq(9, 'function', 'getOwnAccessor getter', T);
  m.op('LoadInt', 6, 1).op('CallNative', 9, NATIVE.getOwnAccessor, 4, 3).expectEq(9, undefined, 'getOwnAccessor no setter', T);
  // deleteProperty
  m.loadConst(5, 'b').op('CallNative', 9, NATIVE.deleteProperty, 4, 2).expectEq(9, true, 'deleteProperty', T);
  m.op('LoadFalse', 5).op('CallNative', 8, NATIVE.ownKeys, 4, 2).op('GetProp', 9, 8, K('length'), 0)
    .expectEq(9, 5, 'ownKeys after delete', T);
  m.op('LoadInt', 10, 2).op('GetElem', 9, 8, 10).expectEq(9, 'a', 'order after delete', T);
  m.op('Move', 11, 1).op('LoadInt', 12, 1).op('CallNative', 13, NATIVE.preventExtensions, 11, 2); // seal: not configurable
  m.op('Move', 11, 1).loadConst(12, 'a').op('CallNative', 9, NATIVE.deleteProperty, 11, 2).expectEq(9, false, 'deleteProperty sealed', T);
  // arrays and strings
  m.op('LoadInt', 2, 7).op('LoadInt', 3, 8).op('NewArray', 14, 2, 2).op('Move', 15, 14).op('LoadFalse', 16)
    .op('CallNative', 17, NATIVE.ownKeys, 15, 2).op('GetProp', 9, 17, K('length'), 0).expectEq(9, 2, 'array ownKeys', T)
    .op('LoadInt', 10, 1).op('GetElem', 9, 17, 10).expectEq(9, '1', 'array key strings', T);
  m.loadConst(15, 'xy').op('CallNative', 17, NATIVE.ownKeys, 15, 2).op('GetProp', 9, 17, K('length'), 0).expectEq(9, 2, 'string ownKeys', T);
  m.op('Move', 15, 14).op('LoadInt', 16, 0).op('CallNative', 9, NATIVE.propertyFlags, 15, 2).expectEq(9, 7, 'element flags', T);
  // string comparison
  m.loadConst(1, 'apple').loadConst(2, 'apricot');
  m.op('Lt', 3, 1, 2).expectEq(3, true, 'string <', T).op('Gt', 3, 1, 2).expectEq(3, false, 'string >', T)
    .op('Le', 3, 1, 1).expectEq(3, true, 'string <=', T).op('Ge', 3, 2, 1).expectEq(3, true, 'string >=', T);
  m.loadConst(2, 'app').op('Lt', 3, 2, 1).expectEq(3, true, 'prefix <', T);
  const lt = mb.fresh('lt');
  m.op('JumpIfLt', 2, 1, lt).print('bad JumpIfLt strings\n', T).label(lt).print('ok JumpIfLt strings\n', T);
  // registerIntrinsic gives earlier objects with a null prototype the registered one
  m.op('NewObject', 18).op('NewObject', 19).op('LoadInt', 2, 4).op('SetProp', 19, K('inherited'), 2, 0)
    .op('LoadInt', 20, 0).op('Move', 21, 19).op('CallNative', 22, NATIVE.registerIntrinsic, 20, 2)
    .op('GetProp', 9, 18, K('inherited'), 0).expectEq(9, 4, 'registerIntrinsic fix-up', T);
  // captureStack
  m.op('Closure', 1, outer.index, U).op('Call', 2, 1, U, 0, 0)
    .expectEq(2, '\n    at inner\n    at outer\n    at main', 'captureStack', T);
  m.print('done\n', T).op('LoadInt', 0, 0).op('CallNative', 0, NATIVE.exit, 0, 1);
  return mb.encode(0);
}

const NATIVES_OK = [
  'ownKeys enumerable count', 'ownKeys[0]', 'ownKeys[1]', 'ownKeys[2]', 'ownKeys[3]', 'ownKeys all count',
  'propertyFlags hidden', 'propertyFlags a', 'propertyFlags absent', 'defineProperty value', 'canonical index key',
  'defineAccessor getter', 'propertyFlags accessor', 'getOwnAccessor getter', 'getOwnAccessor no setter',
  'deleteProperty', 'ownKeys after delete', 'order after delete', 'deleteProperty sealed', 'array ownKeys',
  'array key strings', 'string ownKeys', 'element flags', 'string <', 'string >', 'string <=', 'string >=', 'prefix <',
  'JumpIfLt strings', 'registerIntrinsic fix-up', 'captureStack',
];
const NATIVES_EXPECTED = NATIVES_OK.map((w) => `ok ${w}\n`).join('') + 'done\n';

describe('object-model natives', () => {
  for (const cmdline of ['', 'gcstress']) {
    test(`run${cmdline ? ' (gcstress)' : ''}`, async () => {
      const r = await runProgram(nativesModule(), { cmdline, timeoutMs: 60_000 });
      if (r.output !== NATIVES_EXPECTED) console.log(r.output.split('\n').slice(-4).join('\n'), r.errorOutput, r.status);
      expect(r.output).toBe(NATIVES_EXPECTED);
      expect(r.status).toBe(0);
    });
  }
});

/** Spread calls, array spread, native and user iterators, for..in keys, object spread. */
function iterationModule(): Uint8Array {
  const mb = new ModuleBuilder();
  const K = (s: string) => mb.constant(s);
  const m = mb.fn('main', 0, 32).f;
  const sum3 = mb.fn('sum3', 3, 4);
  sum3.f.op('Add', 3, 0, 1).op('Add', 3, 3, 2).op('Return', 3);
  const base = mb.fn('Base', 2, 4, { flags: FunctionFlag.ClassConstructor });
  base.f.op('LoadThis', 2).op('Add', 3, 0, 1).op('SetProp', 2, K('a'), 3, 0).op('LoadUndefined', 3).op('Return', 3);
  const derived = mb.fn('Derived', 0, 3, { flags: FunctionFlag.ClassConstructor | FunctionFlag.Derived });
  derived.f.op('LoadRestArgs', 0, 0).op('SuperCallSpread', 1, 0).op('Return', 1);
  // next(): counts this.n up to 3; return(): sets this.closed
  const next = mb.fn('next', 0, 5);
  next.f.op('LoadThis', 0).op('GetProp', 1, 0, K('n'), 0).op('AddInt', 1, 1, 1).op('SetProp', 0, K('n'), 1, 0)
    .op('NewObject', 2).op('SetProp', 2, K('value'), 1, 0).op('LoadInt', 3, 3).op('Gt', 4, 1, 3)
    .op('SetProp', 2, K('done'), 4, 0).op('Return', 2);
  const ret = mb.fn('return', 0, 3);
  ret.f.op('LoadThis', 0).op('LoadTrue', 1).op('SetProp', 0, K('closed'), 1, 0).op('NewObject', 2).op('Return', 2);
  m.op('LoadUndefined', U);
  m.op('LoadInt', 1, 1).op('LoadInt', 2, 2).op('LoadInt', 3, 3).op('NewArray', 4, 1, 3);
  m.op('Closure', 5, sum3.index, U).op('CallSpread', 6, 5, U, 4).expectEq(6, 6, 'CallSpread', T);
  m.op('Closure', 7, base.index, U).op('LoadHole', 8).op('NewClass', 7, 7, 8).op('NewSpread', 9, 7, 4)
    .op('GetProp', 10, 9, K('a'), 0).expectEq(10, 3, 'NewSpread', T);
  m.op('Closure', 11, derived.index, U).op('NewClass', 11, 11, 7).op('New', 9, 11, 1, 2)
    .op('GetProp', 10, 9, K('a'), 0).expectEq(10, 3, 'SuperCallSpread', T);
  // array spread, with a hole read as undefined
  m.op('NewArray', 12, 1, 0).op('ArraySpread', 12, 4).op('ArrayPushHole', 4).op('ArraySpread', 12, 4)
    .op('GetProp', 10, 12, K('length'), 0).expectEq(10, 7, 'ArraySpread', T)
    .op('LoadInt', 13, 6).op('GetElem', 10, 12, 13).expectEq(10, undefined, 'spread hole', T)
    .op('LoadInt', 13, 6).op('In', 10, 13, 12).expectEq(10, true, 'spread hole is a value', T);
  // native array iterator: sum and count (the hole counts as undefined)
  const loop = mb.fresh('loop'), done = mb.fresh('done');
  m.op('GetIterator', 14, 4).op('LoadInt', 15, 0).op('LoadInt', 16, 0)
    .label(loop).op('IteratorNext', 17, 14, done).op('AddInt', 16, 16, 1)
    .op('JumpIfNullish', 17, loop).op('Add', 15, 15, 17).op('Jump', loop).label(done)
    .expectEq(15, 6, 'array iterator sum', T).expectEq(16, 4, 'array iterator count', T).op('IteratorClose', 14);
  // string iterator by code point
  const sloop = mb.fresh('sloop'), sdone = mb.fresh('sdone');
  m.loadConst(18, 'a\u{1F600}b').op('GetIterator', 14, 18).op('LoadInt', 16, 0).op('NewArray', 19, 1, 0)
    .label(sloop).op('IteratorNext', 17, 14, sdone).op('AddInt', 16, 16, 1).op('ArrayPush', 19, 17).op('Jump', sloop).label(sdone)
    .expectEq(16, 3, 'string iterator count', T)
    .op('LoadInt', 13, 1).op('GetElem', 17, 19, 13).expectEq(17, '\u{1F600}', 'surrogate pair', T);
  // a user iterator object
  const uloop = mb.fresh('uloop'), udone = mb.fresh('udone');
  m.op('NewObject', 20).op('LoadInt', 1, 0).op('SetProp', 20, K('n'), 1, 0)
    .op('Closure', 21, next.index, U).op('SetProp', 20, K('next'), 21, 0)
    .op('Closure', 21, ret.index, U).op('SetProp', 20, K('return'), 21, 0)
    // the record [iterator, next] the prelude's GetIterator returns (intrinsics.ts Intrinsic 11)
    .op('Move', 22, 20).op('GetProp', 23, 20, K('next'), 0).op('NewArray', 24, 22, 2)
    .op('LoadInt', 15, 0).label(uloop).op('IteratorNext', 17, 24, udone).op('Add', 15, 15, 17).op('Jump', uloop).label(udone)
    .expectEq(15, 6, 'user iterator', T)
    .op('IteratorClose', 24).op('GetProp', 17, 20, K('closed'), 0).expectEq(17, true, 'IteratorClose', T);
  // for..in keys and object spread
  m.op('NewObject', 22).op('LoadInt', 1, 1).op('SetProp', 22, K('x'), 1, 0).op('SetProp', 22, K('y'), 1, 0)
    .op('LoadInt', 2, 0).op('SetElem', 22, 2, 1)
    .op('Move', 23, 22).loadConst(24, 'hid').op('LoadInt', 25, 2).op('LoadInt', 26, 6).op('CallNative', 27, NATIVE.defineProperty, 23, 4)
    .op('ForInKeys', 23, 22).op('GetProp', 10, 23, K('length'), 0).expectEq(10, 3, 'ForInKeys count', T)
    .op('LoadInt', 13, 0).op('GetElem', 10, 23, 13).expectEq(10, '0', 'ForInKeys integer first', T)
    .op('LoadInt', 13, 2).op('GetElem', 10, 23, 13).expectEq(10, 'y', 'ForInKeys order', T)
    .op('LoadNull', 24).op('ForInKeys', 23, 24).op('GetProp', 10, 23, K('length'), 0).expectEq(10, 0, 'ForInKeys null', T);
  m.op('NewObject', 24).op('CopyDataProperties', 24, 22).op('GetProp', 10, 24, K('y'), 0).expectEq(10, 1, 'CopyDataProperties', T)
    .op('GetProp', 10, 24, K('hid'), 0).expectEq(10, undefined, 'CopyDataProperties skips hidden', T)
    .op('LoadInt', 1, 5).op('LoadInt', 2, 6).op('NewArray', 12, 1, 2).op('NewObject', 24).op('CopyDataProperties', 24, 12)
    .op('LoadInt', 13, 1).op('GetElem', 10, 24, 13).expectEq(10, 6, 'CopyDataProperties of an array', T);
  m.print('done\n', T).op('LoadInt', 0, 0).op('CallNative', 0, NATIVE.exit, 0, 1);
  return mb.encode(0);
}

const ITERATION_OK = ['CallSpread', 'NewSpread', 'SuperCallSpread', 'ArraySpread', 'spread hole', 'spread hole is a value',
  'array iterator sum', 'array iterator count', 'string iterator count', 'surrogate pair', 'user iterator', 'IteratorClose',
  'ForInKeys count', 'ForInKeys integer first', 'ForInKeys order', 'ForInKeys null', 'CopyDataProperties',
  'CopyDataProperties skips hidden', 'CopyDataProperties of an array'];
const ITERATION_EXPECTED = ITERATION_OK.map((w) => `ok ${w}\n`).join('') + 'done\n';

describe('spread and iteration', () => {
  for (const cmdline of ['', 'gcstress']) {
    test(`run${cmdline ? ' (gcstress)' : ''}`, async () => {
      const r = await runProgram(iterationModule(), { cmdline, timeoutMs: 60_000 });
      if (r.output !== ITERATION_EXPECTED) console.log(r.output.split('\n').slice(-4).join('\n'), r.errorOutput, r.status);
      expect(r.output).toBe(ITERATION_EXPECTED);
      expect(r.status).toBe(0);
    });
  }
});

describe('object model', () => {
  test('run', async () => {
    const r = await runProgram(objectsModule());
    if (r.output !== EXPECTED) console.log(r.output.split('\n').slice(-4).join('\n'), r.errorOutput, r.status);
    expect(r.output).toBe(EXPECTED);
    expect(r.status).toBe(0);
  });

  test('run with a collection at every allocation (gcstress)', async () => {
    const r = await runProgram(objectsModule(), { cmdline: 'gcstress', timeoutMs: 60_000 });
    expect(r.output).toBe(EXPECTED);
    expect(r.status).toBe(0);
  });

  test('without the prelude (no Pow intrinsic), an inexact power stops the machine naming the case', async () => {
    const mb = new ModuleBuilder();
    mb.fn('main', 0, 3).f.op('LoadInt', 0, 2).loadConst(1, 0.5).op('Exp', 2, 0, 1).op('Return', 2);
    const r = await runProgram(mb.encode());
    expect(r.errorOutput).toContain('Exp: the result is not exact in machine arithmetic and no Pow intrinsic is registered');
    expect(r.output).toBe('');
    expect(r.status).toBe(70);
  });
});
