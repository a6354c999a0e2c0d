// FnCompiler, part 6 (see codegen.ts): classes: class expressions, default constructors,
// field initialisers, static blocks.

import ts from 'typescript';
import { FunctionFlag } from '../bytecode/index.ts';
import { Scope, type FnInfo } from './scope.ts';
import {
  K, usesSuperProperty, hasModifier, isStaticMember, isAnonymousFunction, functionLength, propertyNameText,
} from './codegen-support.ts';
import { FnExpressions } from './fn-expressions.ts';

/** FnCompiler, part 6: classes: class expressions, constructors, fields, static blocks. */
export abstract class FnClasses extends FnExpressions {

  // ---- classes -----------------------------------------------------------------------

  protected classExpr(n: ts.ClassLikeDeclaration, nameHint?: string): number {
    if (ts.getDecorators(n)?.length) this.unsupported(n, 'decorator');
    const heritage = n.heritageClauses?.find((h) => h.token === K.ExtendsKeyword);
    const derived = heritage !== undefined;
    const cls = this.alloc();
    const className = n.name ? this.m.originalName(n.name) : nameHint;
    const instanceElems = n.members.filter((m) => !isStaticMember(m) && (ts.isPropertyDeclaration(m)
      || (ts.isMethodDeclaration(m) && ts.isPrivateIdentifier(m.name))));
    const staticElems = n.members.filter((m) => ts.isClassStaticBlockDeclaration(m) || (isStaticMember(m) && (ts.isPropertyDeclaration(m)
      || (ts.isMethodDeclaration(m) && ts.isPrivateIdentifier(m.name)))));
    this.m.classInfo.set(n, { hasInit: instanceElems.length > 0, derived });
    for (const m of n.members) {
      if (ts.canHaveDecorators(m) && ts.getDecorators(m)?.length) this.unsupported(m, 'decorator');
      if (ts.isPropertyDeclaration(m) && ts.isComputedPropertyName(m.name)) this.unsupported(m.name, 'computed class field name');
      if ((ts.isGetAccessorDeclaration(m) || ts.isSetAccessorDeclaration(m)) && ts.isPrivateIdentifier(m.name)) this.unsupported(m, 'private accessor');
      if (hasModifier(m, K.AccessorKeyword)) this.unsupported(m, 'auto-accessor');
    }
    const outer = this.scope;
    const mark = this.top;
    const cs = this.analysis.scopes.get(n)!;
    this.withTemps(() => {
      this.enterScope(cs);
      for (const b of cs.bindings.values()) {
        if (b.kind !== 'private') continue;
        this.withTemps(() => {
          const t = this.alloc();
          this.em.emit('NewPrivateName', t, this.k(b.name));
          this.storeBinding(b, t, true, n);
        });
      }
      const parent = this.alloc();
      if (heritage) {
        this.mark(heritage.types[0]);
        this.expr(heritage.types[0].expression, parent);
      } else {
        this.em.emit('LoadHole', parent);
      }
      const ctorNode = n.members.find((m): m is ts.ConstructorDeclaration => ts.isConstructorDeclaration(m) && m.body !== undefined);
      const ctorFlags = FunctionFlag.ClassConstructor | (derived ? FunctionFlag.Derived : 0);
      let ctorIdx: number;
      if (ctorNode) {
        const params = ctorNode.parameters.filter((p) => !p.dotDotDotToken).length;
        ctorIdx = this.m.compileFunction(this.analysis.fns.get(ctorNode)!, className, ctorFlags, ctorNode, (c) => c.functionBody(ctorNode), params, functionLength(ctorNode.parameters));
      } else {
        const info = { node: n, kind: 'ctor', parent: this.fn } as unknown as FnInfo;
        info.scope = new Scope('function', n, cs, info);
        info.scope.declare('this', 'this', 0);
        info.scope.declare('new.target', 'newtarget', 0);
        ctorIdx = this.m.compileFunction(info, className, ctorFlags, n, (c) => c.defaultConstructor(n, derived), 0);
      }
      this.mark(n);
      this.em.emit('Closure', cls, ctorIdx, this.curEnv);
      this.em.emit('NewClass', cls, cls, parent);
      const proto = this.alloc();
      this.em.emit('GetProp', proto, cls, this.k('prototype'), this.em.ic());
      if (ctorNode && usesSuperProperty(ctorNode)) this.em.emit('SetHome', cls, proto);
      const members = n.members;
      for (let i = 0; i < members.length; i++) {
        const m = members[i];
        if (!(ts.isMethodDeclaration(m) || ts.isGetAccessorDeclaration(m) || ts.isSetAccessorDeclaration(m))) continue;
        // a run of plain methods on the same side: one DefineMethods (home objects set, attrs bit 3)
        let run = 0;
        while (i + run < members.length && run < 255 && this.definableClassMethod(members[i + run])
          && isStaticMember(members[i + run]) === isStaticMember(m)) run++;
        if (run >= 2) {
          this.defineMethods(isStaticMember(m) ? cls : proto, members.slice(i, i + run) as ts.MethodDeclaration[], 0b1110);
          i += run - 1;
          continue;
        }
        this.withTemps(() => {
          this.mark(m);
          const target = isStaticMember(m) ? cls : proto;
          if (ts.isPrivateIdentifier(m.name)) {
            const f = this.closure(m, m.name.text);
            if (usesSuperProperty(m)) this.em.emit('SetHome', f, target);
            this.storeBinding(cs.bindings.get('%' + m.name.text)!, f, true, m);
            return;
          }
          const key = this.alloc();
          this.propertyKey(m.name, key);
          const hint = ts.isComputedPropertyName(m.name) ? undefined : propertyNameText(m.name);
          const f = this.closure(m, hint);
          if (hint === undefined) this.nameFromKey(f, key, ts.isGetAccessorDeclaration(m) ? 'get' : ts.isSetAccessorDeclaration(m) ? 'set' : '');
          if (ts.isMethodDeclaration(m)) this.em.emit('DefineMethod', target, key, f);
          else {
            this.em.emit(ts.isGetAccessorDeclaration(m) ? 'DefineGetter' : 'DefineSetter', target, key, f, 0);
            if (usesSuperProperty(m)) this.em.emit('SetHome', f, target);
          }
        });
      }
      if (instanceElems.length) {
        const fns = this.analysis.classFns.get(n)!;
        this.withTemps(() => {
          const idx = this.m.compileFunction(fns.instInit, '<instance_members_initializer>', FunctionFlag.Method, n,
            (c) => c.fieldInitializer(n, instanceElems));
          const f = this.alloc();
          this.em.emit('Closure', f, idx, this.curEnv);
          if (instanceElems.some((m) => usesSuperProperty(m))) this.em.emit('SetHome', f, proto);
          this.storeBinding(cs.bindings.get('%init')!, f, true, n);
        });
      }
      const inner = n.name ? cs.bindings.get(n.name.text) : undefined;
      if (inner) this.storeBinding(inner, cls, true, n);
      if (staticElems.length) {
        const fns = this.analysis.classFns.get(n)!;
        this.withTemps(() => {
          const idx = this.m.compileFunction(fns.staticInit, '<static_initializer>', FunctionFlag.Method, n,
            (c) => c.fieldInitializer(n, staticElems));
          const f = this.alloc();
          this.em.emit('Closure', f, idx, this.curEnv);
          if (staticElems.some((m) => usesSuperProperty(m))) this.em.emit('SetHome', f, cls);
          this.em.emit('Call', f, f, cls, f, 0);
        });
      }
      this.exitScope(cs, outer);
    });
    this.top = Math.max(mark, cls + 1);
    return cls;
  }

  defaultConstructor(n: ts.ClassLikeDeclaration, derived: boolean): void {
    this.prologue();
    this.enterFunctionScope([], []);
    if (derived) {
      this.withTemps(() => {
        const args = this.alloc();
        this.em.emit('LoadRestArgs', args, 0);
        this.em.emit('SuperCallSpread', args, args);
        this.afterSuper(n);
      });
    } else {
      this.callFieldInit(n);
    }
    this.em.emit('Return', this.undefinedValue());
  }

  /** The body of the instance-member or static initialiser function (`this` is the target). */
  fieldInitializer(cls: ts.ClassLikeDeclaration, elems: ts.ClassElement[]): void {
    this.prologue();
    this.enterFunctionScope([], []);
    const cs = this.analysis.scopes.get(cls)!;
    const thisReg = this.alloc();
    this.em.emit('LoadThis', thisReg);
    // Private methods are installed before any field is initialised.
    for (const m of elems) {
      if (!(ts.isMethodDeclaration(m) && ts.isPrivateIdentifier(m.name))) continue;
      this.withTemps(() => {
        const pn = this.privateName(m.name as ts.PrivateIdentifier);
        const f = this.loadBinding(cs.bindings.get('%' + m.name.getText(this.m.sf))!, m);
        this.em.emit('DefinePrivate', thisReg, pn, f);
      });
    }
    for (const m of elems) {
      this.withTemps(() => {
        this.mark(m);
        if (ts.isPropertyDeclaration(m)) {
          const hint = ts.isPrivateIdentifier(m.name) ? m.name.text : propertyNameText(m.name);
          let v: number;
          if (m.initializer) {
            v = this.alloc();
            this.expr(m.initializer, v, isAnonymousFunction(m.initializer) ? hint : undefined);
          } else {
            v = this.undefinedValue();
          }
          if (ts.isPrivateIdentifier(m.name)) {
            this.em.emit('DefinePrivate', thisReg, this.privateName(m.name), v);
          } else {
            const key = this.alloc();
            this.propertyKey(m.name, key);
            this.em.emit('DefineField', thisReg, key, v);
          }
        } else if (ts.isClassStaticBlockDeclaration(m)) {
          const info = this.analysis.fns.get(m)!;
          const idx = this.m.compileFunction(info, '<static_block>', FunctionFlag.Method, m, (c) => c.staticBlock(m));
          const f = this.alloc();
          this.em.emit('Closure', f, idx, this.curEnv);
          this.em.emit('Call', f, f, thisReg, f, 0);
        }
      });
    }
    this.em.emit('Return', this.undefinedValue());
  }

  staticBlock(m: ts.ClassStaticBlockDeclaration): void {
    this.prologue();
    this.enterFunctionScope(m.body.statements, []);
    this.hoistFunctions(m.body.statements);
    this.statements(m.body.statements);
    if (this.em.reachable) this.em.emit('Return', this.undefinedValue());
  }
}
