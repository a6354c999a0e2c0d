// FnCompiler, part 4 (see codegen.ts): binding and assignment patterns (destructuring) and
// computed property keys.

import ts from 'typescript';
import { Intrinsic } from '../bytecode/index.ts';
import { calleeText } from './callee-text.ts';
import {
  K, TYPE_ERROR, type DestructSrc, notIterableText, namedIterable, type Pat, type DeclMode, skipParens, propertyNameText,
} from './codegen-support.ts';
import { FnStatements } from './fn-statements.ts';

/** FnCompiler, part 4: binding and assignment patterns (destructuring), property keys. */
export abstract class FnDestructuring extends FnStatements {

  // ---- destructuring -----------------------------------------------------------------

  protected bindingPat(name: ts.BindingName, mode: DeclMode): Pat {
    if (ts.isIdentifier(name)) {
      const b = this.scope.lookup(name.text);
      if (!b) throw new Error(`undeclared binding ${name.text}`);
      return { k: 'leaf', node: name, name: name.text, store: (v) => this.storeBinding(b, v, mode !== 'var', name) };
    }
    if (ts.isArrayBindingPattern(name)) {
      const elems: ({ pat: Pat; init?: ts.Expression } | null)[] = [];
      let rest: Pat | undefined;
      for (const el of name.elements) {
        if (ts.isOmittedExpression(el)) elems.push(null);
        else if (el.dotDotDotToken) rest = this.bindingPat(el.name, mode);
        else elems.push({ pat: this.bindingPat(el.name, mode), init: el.initializer });
      }
      return { k: 'array', node: name, elems, rest };
    }
    const props: { key: ts.PropertyName; pat: Pat; init?: ts.Expression }[] = [];
    let rest: Pat | undefined;
    for (const el of name.elements) {
      if (el.dotDotDotToken) { rest = this.bindingPat(el.name, mode); continue; }
      const key = el.propertyName ?? (el.name as ts.Identifier);
      props.push({ key, pat: this.bindingPat(el.name, mode), init: el.initializer });
    }
    return { k: 'object', node: name, props, rest };
  }

  protected assignPat(target: ts.Expression): Pat {
    target = skipParens(target);
    if (ts.isArrayLiteralExpression(target)) {
      const elems: ({ pat: Pat; init?: ts.Expression } | null)[] = [];
      let rest: Pat | undefined;
      for (const el of target.elements) {
        if (ts.isOmittedExpression(el)) elems.push(null);
        else if (ts.isSpreadElement(el)) rest = this.assignPat(el.expression);
        else if (ts.isBinaryExpression(el) && el.operatorToken.kind === K.EqualsToken) elems.push({ pat: this.assignPat(el.left), init: el.right });
        else elems.push({ pat: this.assignPat(el) });
      }
      return { k: 'array', node: target, elems, rest };
    }
    if (ts.isObjectLiteralExpression(target)) {
      const props: { key: ts.PropertyName; pat: Pat; init?: ts.Expression }[] = [];
      let rest: Pat | undefined;
      for (const p of target.properties) {
        if (ts.isSpreadAssignment(p)) rest = this.assignPat(p.expression);
        else if (ts.isShorthandPropertyAssignment(p)) props.push({ key: p.name, pat: this.assignPat(p.name), init: p.objectAssignmentInitializer });
        else if (ts.isPropertyAssignment(p)) {
          const init = p.initializer;
          if (ts.isBinaryExpression(init) && init.operatorToken.kind === K.EqualsToken) props.push({ key: p.name, pat: this.assignPat(init.left), init: init.right });
          else props.push({ key: p.name, pat: this.assignPat(init) });
        } else this.unsupported(p, 'this destructuring target');
      }
      return { k: 'object', node: target, props, rest };
    }
    return {
      k: 'leaf', node: target, name: ts.isIdentifier(target) ? target.text : undefined,
      store: (v) => this.withTemps(() => this.putRef(this.prepareRef(target, []), v)),
    };
  }

  protected bindName(name: ts.BindingName, v: number, mode: DeclMode, src?: DestructSrc): void {
    this.destructure(this.bindingPat(name, mode), v, src);
  }

  protected assignTo(target: ts.Expression, v: number, src?: DestructSrc): void {
    this.destructure(this.assignPat(target), v, src);
  }

  /**
   * Emits the GetIterator / ArraySpread of value register v (emit) under a handler that
   * gives V8's TypeError when v is not iterable (Intrinsic IterationError: kind 0, text the
   * message; 1, a call's spread argument, text its expression; 2, the builtin wording).
   */
  protected guardIteration(v: number, text: string | undefined, kind: number, emit: () => void): void {
    const save = this.alloc(), handler = this.em.label(), ok = this.em.label();
    this.em.emit('TryEnter', save, handler);
    emit();
    this.em.emit('TryLeave', save);
    this.em.emit('Jump', ok);
    this.em.bind(handler);
    this.em.emit('TryLeave', save);
    this.withTemps(() => {
      const e = this.alloc(), t = this.alloc(), k = this.alloc();
      this.em.emit('LoadException', e);
      if (text === undefined) this.em.emit('LoadUndefined', t);
      else this.loadString(t, text);
      this.em.emit('LoadInt', k, kind);
      this.callIntrinsic(Intrinsic.IterationError, [e, v, t, k]);
      this.em.emit('Throw', e);
    });
    this.em.bind(ok);
  }

  /** `const { a } = x` with x null or undefined: V8's "Cannot destructure ..." TypeError instead of a failed property read. */
  protected objectCoercible(p: Extract<Pat, { k: 'object' }>, v: number, src: DestructSrc, body: () => void): void {
    const bad = this.em.label(), end = this.em.label();
    this.em.emit('JumpIfNullish', v, bad);
    body();
    this.em.emit('Jump', end);
    this.em.bind(bad);
    const first = p.props[0]?.key;
    const name = first && !ts.isComputedPropertyName(first) && !ts.isPrivateIdentifier(first) ? propertyNameText(first) : undefined;
    const message = (what: 'null' | 'undefined'): string => {
      const of = src.expr ? calleeText(skipParens(src.expr)) : what === 'null' ? 'object null' : 'undefined';
      return name !== undefined ? `Cannot destructure property '${name}' of '${of}' as it is ${what}.` : `Cannot destructure '${of}' as it is ${what}.`;
    };
    this.withTemps(() => {
      const isUndef = this.em.label();
      this.em.emit('JumpIfStrictEq', v, this.undef(), isUndef);
      this.em.emit('ThrowError', TYPE_ERROR, this.k(message('null')));
      this.em.bind(isUndef);
      this.em.emit('ThrowError', TYPE_ERROR, this.k(message('undefined')));
    });
    this.em.bind(end);
  }

  protected destructure(p: Pat, v: number, src?: DestructSrc): void {
    if (p.k === 'leaf') return p.store(v);
    if (p.k === 'object' && src) return this.objectCoercible(p, v, src, () => this.destructure(p, v));
    this.mark(p.node);
    this.withTemps(() => {
      if (p.k === 'array') {
        const iter = this.alloc(), done = this.alloc(), save = this.alloc();
        if (src) {
          const named = src.expr !== undefined && namedIterable(src.expr);
          this.guardIteration(v, named ? notIterableText(src.expr!) : undefined, named ? 0 : 2, () => this.em.emit('GetIterator', iter, v));
        } else this.em.emit('GetIterator', iter, v);
        this.em.emit('LoadFalse', done);
        // An exception while the iterator is not done (a default, a nested pattern, a
        // store) closes it; `done` is true while next() runs, so its own errors do not.
        const handler = this.em.label(), after = this.em.label();
        this.em.emit('TryEnter', save, handler);
        for (const el of p.elems) {
          this.withTemps(() => {
            const x = this.alloc();
            const finished = this.em.label(), next = this.em.label();
            this.em.emit('LoadUndefined', x);
            this.em.emit('JumpIfTrue', done, next);
            this.em.emit('LoadTrue', done);
            this.em.emit('IteratorNext', x, iter, finished);
            this.em.emit('LoadFalse', done);
            this.em.emit('Jump', next);
            this.em.bind(finished);
            this.em.emit('LoadUndefined', x);
            this.em.bind(next);
            if (el) {
              if (el.init) this.applyDefault(x, el.init, el.pat.k === 'leaf' ? el.pat.name : undefined);
              this.destructure(el.pat, x);
            }
          });
        }
        if (p.rest) {
          this.withTemps(() => {
            const arr = this.alloc(), x = this.alloc();
            const loop = this.em.label(), fin = this.em.label();
            this.em.emit('NewArray', arr, arr, 0);
            this.em.emit('JumpIfTrue', done, fin);
            this.em.emit('LoadTrue', done);
            this.em.bind(loop);
            this.em.emit('IteratorNext', x, iter, fin);
            this.em.emit('ArrayPush', arr, x);
            this.em.emit('Jump', loop);
            this.em.bind(fin);
            this.destructure(p.rest!, arr);
          });
        }
        this.em.emit('TryLeave', save);
        const skip = this.em.label();
        this.em.emit('JumpIfTrue', done, skip);
        this.em.emit('IteratorClose', iter);
        this.em.bind(skip);
        this.em.emit('Jump', after);
        this.em.bind(handler);
        this.em.emit('TryLeave', save);
        this.withTemps(() => {
          const e = this.alloc();
          const rethrow = this.em.label();
          this.em.emit('LoadException', e);
          this.em.emit('JumpIfTrue', done, rethrow);
          this.closeIteratorOnThrow(iter, save, e);
          this.em.bind(rethrow);
          this.em.emit('Throw', e);
        });
        this.em.bind(after);
        return;
      }
      // object pattern
      if (!p.props.length && !p.rest) {
        // `{} = v` still requires an object-coercible value.
        const t = this.alloc();
        this.em.emit('GetProp', t, v, this.k('constructor'), this.em.ic());
      }
      const keys: number[] = [];
      for (const prop of p.props) {
        const key = this.alloc();
        keys.push(key);
        this.propertyKey(prop.key, key);
        this.withTemps(() => {
          const x = this.alloc();
          this.mark(prop.key);
          this.em.emit('GetElem', x, v, key);
          if (prop.init) this.applyDefault(x, prop.init, prop.pat.k === 'leaf' ? prop.pat.name : undefined);
          this.destructure(prop.pat, x);
        });
      }
      if (p.rest) {
        const o = this.alloc();
        this.em.emit('NewObject', o);
        this.em.emit('CopyDataProperties', o, v);
        for (const key of keys) this.em.emit('DeleteElem', key, o, key);
        this.destructure(p.rest, o);
      }
    });
  }

  /**
   * A function defined under a computed key gets its name at run time, as SetFunctionName
   * does: the key ("[desc]" for a symbol), with "get "/"set " for accessors
   * (`__native.setFunctionName`; a class that defined its own `name` keeps it).
   */
  protected nameFromKey(f: number, key: number, prefix: '' | 'get' | 'set'): void {
    this.withTemps(() => {
      const args = this.alloc();
      this.alloc();
      this.alloc();
      this.em.emit('Move', args, f);
      this.em.emit('Move', args + 1, key);
      this.loadString(args + 2, prefix);
      this.em.emit('CallNative', args, this.nativeId('setFunctionName'), args, 3);
    });
  }

  /** Loads a property name's key (a string, or the converted computed key) into d. */
  protected propertyKey(name: ts.PropertyName, d: number): void {
    if (ts.isComputedPropertyName(name)) {
      this.withTemps(() => this.em.emit('ToPropertyKey', d, this.expr(name.expression)));
    } else if (ts.isPrivateIdentifier(name)) {
      this.unsupported(name, 'private name here');
    } else {
      const text = propertyNameText(name);
      if (text === undefined) this.unsupported(name, `${K[name.kind]} property name`);
      this.loadString(d, text);
    }
  }
}
