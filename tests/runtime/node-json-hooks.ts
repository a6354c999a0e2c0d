// JsonHooks implemented with Node's reflection, for the differential tests.
import type { JsonHooks } from '../../runtime/json.ts';

export const nodeJsonHooks: JsonHooks = {
  ownEnumerableStringKeys: (o) => Object.keys(o),
  get: (o, k) => (o as Record<string, unknown>)[k],
  isArray: (o) => Array.isArray(o),
  arrayLength: (o) => (o as unknown[]).length,
  callFunction: (f, t, args) => Reflect.apply(f as (...a: unknown[]) => unknown, t, args),
  unbox(o) {
    if (o instanceof Number) return Number(o);
    if (o instanceof String) return String(o);
    if (o instanceof Boolean) return o.valueOf();
    return undefined;
  },
  constructorName(o) {
    const c = (o as { constructor?: { name?: unknown } }).constructor;
    return typeof c === 'function' && typeof c.name === 'string' && c.name !== '' ? c.name : 'Object';
  },
  createDataProperty: (o, k, v) => {
    Object.defineProperty(o, k, { value: v, writable: true, enumerable: true, configurable: true });
  },
  deleteProperty: (o, k) => {
    delete (o as Record<string, unknown>)[k];
  },
};
