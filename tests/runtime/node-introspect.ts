// The Introspect interface implemented with Node's reflection, for the differential tests.
import { types } from 'node:util';
import type { FunctionInfo, Introspect, Key, PropertyInfo } from '../../runtime/inspect.ts';

function constructorName(obj: object): string | null {
  let o: object | null = obj;
  while (o !== null) {
    const d = Object.getOwnPropertyDescriptor(o, 'constructor');
    if (d !== undefined && typeof d.value === 'function' && d.value.name !== '' && obj instanceof d.value) {
      return d.value.name as string;
    }
    o = Object.getPrototypeOf(o);
  }
  return null;
}

const BUILTIN_TO_STRINGS = new Set<unknown>([
  Object.prototype.toString, Error.prototype.toString, Array.prototype.toString, Function.prototype.toString,
  Map.prototype.toString, Set.prototype.toString,
]);

export const nodeIntrospect: Introspect = {
  ownEnumerableKeys(obj: object): Key[] {
    return Reflect.ownKeys(obj).filter((k) => Object.prototype.propertyIsEnumerable.call(obj, k));
  },
  getOwnProperty(obj: object, key: Key): PropertyInfo {
    const d = Object.getOwnPropertyDescriptor(obj, key);
    if (d === undefined) {
      return { accessor: false, enumerable: true, hasGetter: false, hasSetter: false, value: (obj as any)[key] };
    }
    if ('value' in d) return { accessor: false, enumerable: !!d.enumerable, hasGetter: false, hasSetter: false, value: d.value };
    return { accessor: true, enumerable: !!d.enumerable, hasGetter: d.get !== undefined, hasSetter: d.set !== undefined, value: undefined };
  },
  constructorName,
  toStringTag(obj: object): string {
    const tag = (obj as any)[Symbol.toStringTag];
    if (typeof tag !== 'string') return '';
    if (tag !== '' && Object.prototype.propertyIsEnumerable.call(obj, Symbol.toStringTag)) return '';
    return tag;
  },
  isArray: (obj) => Array.isArray(obj),
  arrayLength: (obj) => (obj as unknown[]).length,
  hasOwnIndex: (obj, i) => Object.prototype.hasOwnProperty.call(obj, i),
  isMap: (obj) => types.isMap(obj),
  isSet: (obj) => types.isSet(obj),
  mapEntries: (obj) => [...(obj as Map<unknown, unknown>).entries()],
  setValues: (obj) => [...(obj as Set<unknown>).values()],
  isError: (obj) => types.isNativeError(obj) || obj instanceof Error,
  errorStack(obj: object): string {
    const s = (obj as Error).stack;
    return typeof s === 'string' ? s : Error.prototype.toString.call(obj);
  },
  errorHasCause: (obj) => 'cause' in obj,
  getStringProperty(obj: object, key: string): string | undefined {
    const v = (obj as any)[key];
    return typeof v === 'string' ? v : undefined;
  },
  functionInfo(fn: object): FunctionInfo {
    const f = fn as (...a: unknown[]) => unknown;
    const src = Function.prototype.toString.call(f);
    const isClass = src.startsWith('class') && src.endsWith('}');
    let kind = 'Function';
    if (types.isGeneratorFunction(f)) kind = 'Generator' + kind;
    if (types.isAsyncFunction(f)) kind = 'Async' + kind;
    const hasName = Object.prototype.hasOwnProperty.call(f, 'name');
    const proto = Object.getPrototypeOf(f);
    return {
      name: isClass ? (hasName && typeof f.name === 'string' ? f.name : '') : String(f.name),
      kind,
      isClass,
      extendsName: isClass && proto !== null && typeof proto.name === 'string' ? proto.name : '',
    };
  },
  symbolDescription: (s) => s.description,
  toNumber: (v) => Number(v),
  toDisplayString: (v) => String(v),
  hasBuiltInToString: (v) => BUILTIN_TO_STRINGS.has((v as { toString?: unknown }).toString),
};

