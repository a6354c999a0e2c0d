// Symbol: the constructor (a function, not constructible), Symbol.for/keyFor, the
// well-known symbols, Symbol.prototype. Symbols are machine values (`__native.newSymbol`,
// a heap kind of their own in the x86 interpreter): typeof 'symbol', property keys that are
// never converted to strings, no wrapper objects.
//
// The well-known symbols the runtime honours are Symbol.iterator (for..of, spread,
// destructuring, Array.from, Map/Set constructors...), Symbol.toPrimitive (ToPrimitive, in
// the machine and in core.ts), Symbol.hasInstance (`instanceof`) and Symbol.toStringTag
// (Object.prototype.toString, console.log). The others exist in Node but nothing here would
// act on them, so reading them throws a TypeError instead of quietly giving a symbol that
// does nothing.

import {
  GLOBAL$, K_SYMBOL, SymbolAsyncIterator, SymbolHasInstance, SymbolIterator, SymbolMatch, SymbolMatchAll, SymbolReplace, SymbolSearch,
  SymbolSpecies, SymbolSplit, SymbolToPrimitive, SymbolToStringTag, constant, describe, hidden,
  linkConstructor, setName, symbolDescriptiveString, toStr, unboxPrimitive,
} from './core.ts';
import { Intrinsic } from '../../image-builder/bytecode/intrinsics.ts';

function thisSymbol(v: any, method: string): any {
  if (__native.valueKind(v) === K_SYMBOL) return v;
  const p = unboxPrimitive(v);
  if (__native.valueKind(p) === K_SYMBOL) return p;
  throw new GLOBAL$.TypeError(method + ' requires that \'this\' be a Symbol');
}

function defineSymbol(): void {
  const SymbolC: any = function Symbol(this: any, ...args: any[]): any {
    if (new.target !== undefined) throw new GLOBAL$.TypeError('Symbol is not a constructor');
    const d = args.length > 0 ? args[0] : undefined;
    return __native.newSymbol(d === undefined ? undefined : toStr(d));
  };
  const SymbolPrototype: any = {};
  linkConstructor(SymbolC, SymbolPrototype, 'Symbol');
  hidden(GLOBAL$, 'Symbol', SymbolC);
  __native.registerIntrinsic(Intrinsic.SymbolPrototype, SymbolPrototype);

  // Symbol.for / Symbol.keyFor: the global registry, string -> symbol and back.
  const registry: any = {};
  __native.setPrototypeOf(registry, null);
  const registered: any = {};
  __native.setPrototypeOf(registered, null);
  __native.installMethods(SymbolC, {
    for(key: any): any {
      const k = toStr(key);
      if (__native.propertyFlags(registry, k) >= 0) return registry[k];
      const sym = __native.newSymbol(k);
      __native.defineProperty(registry, k, sym, 7);
      __native.defineProperty(registered, sym, k, 7);
      return sym;
    },
    keyFor(sym: any): any {
      if (__native.valueKind(sym) !== K_SYMBOL) throw new GLOBAL$.TypeError(describeKeyForArgument(sym) + ' is not a symbol');
      return __native.propertyFlags(registered, sym) >= 0 ? registered[sym] : undefined;
    },
  });

  constant(SymbolC, 'iterator', SymbolIterator);
  constant(SymbolC, 'toPrimitive', SymbolToPrimitive);
  constant(SymbolC, 'hasInstance', SymbolHasInstance);
  constant(SymbolC, 'toStringTag', SymbolToStringTag);
  constant(SymbolC, 'asyncIterator', SymbolAsyncIterator);
  constant(SymbolC, 'match', SymbolMatch);
  constant(SymbolC, 'matchAll', SymbolMatchAll);
  constant(SymbolC, 'replace', SymbolReplace);
  constant(SymbolC, 'search', SymbolSearch);
  constant(SymbolC, 'split', SymbolSplit);
  constant(SymbolC, 'species', SymbolSpecies);
  const unsupported = ['isConcatSpreadable',
    'unscopables', 'dispose', 'asyncDispose'];
  for (let i = 0; i < unsupported.length; i++) {
    const name = unsupported[i];
    const getter = function (): never {
      throw new GLOBAL$.TypeError('Symbol.' + name + ' is not supported (nothing in this runtime acts on it)');
    };
    setName(getter, 'get ' + name);
    __native.defineAccessor(SymbolC, name, getter, undefined, 0);
  }

  __native.installMethods(SymbolPrototype, {
    toString(this: any): string {
      return symbolDescriptiveString(thisSymbol(this, 'Symbol.prototype.toString'));
    },
    valueOf(this: any): any {
      return thisSymbol(this, 'Symbol.prototype.valueOf');
    },
    get description(): any {
      return __native.symbolDescription(thisSymbol(this, 'Symbol.prototype.description'));
    },
  });
  const toPrimitive = function (this: any, _hint: any): any {
    return thisSymbol(this, 'Symbol.prototype [ @@toPrimitive ]');
  };
  setName(toPrimitive, '[Symbol.toPrimitive]');
  __native.defineProperty(SymbolPrototype, SymbolToPrimitive, toPrimitive, 4);
  __native.defineProperty(SymbolPrototype, SymbolToStringTag, 'Symbol', 4);
}

/** V8 prints the argument of a failed Symbol.keyFor with %ToString for primitives. */
function describeKeyForArgument(v: any): string {
  const k = __native.valueKind(v);
  if (k >= 5 && k <= 9) return describe(v);
  return toStr(v);
}

defineSymbol();
