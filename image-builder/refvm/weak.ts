// The reference interpreter's collection, for weakness only: the host's own collector frees
// memory, but what a program can observe of a collection (WeakRef targets gone, weak
// entries dropped) comes from here. collect() marks everything reachable from the VM (its
// frames, realm, exception, ...) by walking host objects reflectively, except the contents
// of ephemeron vectors, which it treats as the x86 collector does (boot/interp/runtime.ts,
// gc_collect): a pair's value is marked once its key is, until nothing changes; pairs whose
// key stayed unmarked become (null, undefined).
//
// Known limit: guest values that only host locals of a native in progress hold (a native
// calling back into the program, which then collects) are not roots. No native of ours
// keeps an object that only it holds across such a call.

import { EphemeronVector, JSObject, JSSymbol, creationLog, type Value } from './values.ts';
import type { VM } from './vm.ts';

/** Keys the collector can drop: objects and symbols. */
function isWeakKey(v: Value): v is JSObject | JSSymbol {
  return v instanceof JSObject || v instanceof JSSymbol;
}

export function collect(vm: VM): void {
  const marked = new Set<unknown>();
  const work: unknown[] = [];
  const ephemerons: EphemeronVector[] = [];
  // host data without guest values: the compiled module and its decoded code
  marked.add(vm.module);
  const decoded = (vm as unknown as { decoded: Map<unknown, unknown> }).decoded;
  marked.add(decoded);
  for (const [cf, code] of decoded) { marked.add(cf); marked.add(code); }
  for (const cf of vm.module.functions) marked.add(cf);
  const push = (v: unknown): void => {
    if ((typeof v === 'object' && v !== null) || typeof v === 'function') {
      if (!marked.has(v)) {
        marked.add(v);
        work.push(v);
      }
    }
  };
  const drain = (): void => {
    while (work.length > 0) {
      const o = work.pop()!;
      if (o instanceof EphemeronVector) ephemerons.push(o);
      else if (Array.isArray(o)) for (const x of o) push(x);
      else if (o instanceof Map) for (const [k, x] of o) { push(k); push(x); }
      else if (o instanceof Set) for (const x of o) push(x);
      else if (ArrayBuffer.isView(o) || o instanceof ArrayBuffer || o instanceof WeakMap || typeof o === 'function') continue;
      else for (const x of Object.values(o as object)) push(x);
    }
  };
  push(vm);
  push(creationLog.objects);
  drain();
  for (let changed = true; changed;) {
    changed = false;
    for (let e = 0; e < ephemerons.length; e++) {
      const s = ephemerons[e]!.slots;
      for (let i = 0; i + 1 < s.length; i += 2) {
        const k = s[i];
        if (isWeakKey(k) && !marked.has(k)) continue;
        const v = s[i + 1];
        if ((typeof v === 'object' && v !== null) && !marked.has(v)) {
          push(v);
          changed = true;
        }
      }
      drain();
    }
  }
  for (const e of ephemerons) {
    const s = e.slots;
    for (let i = 0; i + 1 < s.length; i += 2) {
      if (isWeakKey(s[i]) && !marked.has(s[i])) {
        s[i] = null;
        s[i + 1] = undefined;
      }
    }
  }
}
