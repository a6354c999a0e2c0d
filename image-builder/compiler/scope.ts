// Scope analysis: the pre-pass that builds the scope tree of the bundled JavaScript,
// declares every binding (with var/function hoisting) and finds the bindings that inner
// functions capture, which must live in Env objects rather than registers.

import ts from 'typescript';

export type BindingKind =
  | 'var' | 'let' | 'const' | 'class' | 'function' | 'param' | 'catch'
  | 'this' | 'newtarget' | 'funcname' | 'classname' | 'private' | 'hidden';

export interface Binding {
  name: string;
  kind: BindingKind;
  scope: Scope;
  captured: boolean;
  /** Where the declaration ends (references after it in the same function need no TDZ check). */
  declEnd: number;
  /** Env slot when captured, else -1. */
  slot: number;
  /** Register when not captured (assigned by the code generator), else -1. */
  reg: number;
}

export type ScopeKind = 'function' | 'block' | 'loop' | 'catch' | 'switch' | 'class';

export type FnKind = 'top' | 'normal' | 'arrow' | 'method' | 'getter' | 'setter' | 'ctor' | 'fieldinit' | 'staticinit' | 'staticblock';

export interface FnInfo {
  node: ts.Node;
  kind: FnKind;
  scope: Scope;
  parent: FnInfo | undefined;
}

export class Scope {
  readonly bindings = new Map<string, Binding>();
  envSlots = 0;
  /** Register holding this scope's Env in the code generator (-1: none yet). */
  envReg = -1;
  constructor(
    readonly kind: ScopeKind,
    readonly node: ts.Node,
    readonly parent: Scope | undefined,
    public fn: FnInfo,
  ) {}

  get needsEnv(): boolean {
    return this.envSlots > 0;
  }

  declare(name: string, kind: BindingKind, declEnd: number): Binding {
    const old = this.bindings.get(name);
    if (old) {
      if (kind === 'function' || kind === 'param') old.kind = old.kind === 'param' ? 'param' : kind;
      return old;
    }
    const b: Binding = { name, kind, scope: this, captured: false, declEnd, slot: -1, reg: -1 };
    this.bindings.set(name, b);
    return b;
  }

  lookup(name: string): Binding | undefined {
    for (let s: Scope | undefined = this; s; s = s.parent) {
      const b = s.bindings.get(name);
      if (b) return b;
    }
    return undefined;
  }
}

export function isFunctionLike(n: ts.Node): n is ts.FunctionLikeDeclaration {
  return ts.isFunctionDeclaration(n) || ts.isFunctionExpression(n) || ts.isArrowFunction(n) || ts.isMethodDeclaration(n)
    || ts.isConstructorDeclaration(n) || ts.isGetAccessorDeclaration(n) || ts.isSetAccessorDeclaration(n);
}

/** The names a binding pattern declares. */
export function boundNames(name: ts.BindingName, out: ts.Identifier[] = []): ts.Identifier[] {
  if (ts.isIdentifier(name)) out.push(name);
  else for (const el of name.elements) if (!ts.isOmittedExpression(el)) boundNames(el.name, out);
  return out;
}

/** Does evaluating the parameter list run code (defaults, computed keys in patterns)? */
export function hasParameterExpressions(params: readonly ts.ParameterDeclaration[]): boolean {
  const pat = (name: ts.BindingName): boolean => !ts.isIdentifier(name) && name.elements.some((el) => !ts.isOmittedExpression(el)
    && (el.initializer !== undefined || (el.propertyName !== undefined && ts.isComputedPropertyName(el.propertyName)) || pat(el.name)));
  return params.some((p) => p.initializer !== undefined || pat(p.name));
}

export function isLexical(list: ts.VariableDeclarationList): boolean {
  return (list.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const)) !== 0;
}

/** Is this identifier a reference to a binding (not a property name, label, declaration)? */
function isReference(id: ts.Identifier): boolean {
  const p = id.parent;
  if (!p) return false;
  if (ts.isPropertyAccessExpression(p)) return p.expression === id;
  if (ts.isPropertyAssignment(p) || ts.isMethodDeclaration(p) || ts.isPropertyDeclaration(p)
    || ts.isGetAccessorDeclaration(p) || ts.isSetAccessorDeclaration(p)) return p.name !== id;
  if (ts.isBindingElement(p)) return p.propertyName !== id && p.name !== id;
  if (ts.isVariableDeclaration(p) || ts.isParameter(p) || ts.isFunctionDeclaration(p) || ts.isFunctionExpression(p)
    || ts.isClassDeclaration(p) || ts.isClassExpression(p)) return p.name !== id;
  if (ts.isLabeledStatement(p) || ts.isBreakStatement(p) || ts.isContinueStatement(p)) return false;
  if (ts.isMetaProperty(p)) return false;
  if (ts.isImportSpecifier(p) || ts.isExportSpecifier(p) || ts.isImportClause(p) || ts.isNamespaceImport(p)) return false;
  return true;
}

export interface ClassFns {
  instInit: FnInfo;
  staticInit: FnInfo;
}

export class ScopeAnalysis {
  readonly scopes = new Map<ts.Node, Scope>();
  readonly fns = new Map<ts.Node, FnInfo>();
  readonly classFns = new Map<ts.Node, ClassFns>();
  /**
   * Functions whose parameter list refers to something it must not see (a binding of the
   * body, which has its own scope in JavaScript once parameters have expressions): the
   * code generator rejects them. Function node -> the offending identifier.
   */
  readonly paramScopeConflicts = new Map<ts.Node, ts.Identifier>();
  /** The parameter lists being visited (innermost last). */
  private readonly paramLists: { fs: Scope; bodyNames: Set<string>; node: ts.Node }[] = [];
  readonly top: FnInfo;

  constructor(readonly sf: ts.SourceFile) {
    const top = { node: sf, kind: 'top', parent: undefined } as unknown as FnInfo;
    top.scope = new Scope('function', sf, undefined, top);
    this.top = top;
    this.fns.set(sf, top);
    this.scopes.set(sf, top.scope);
    top.scope.declare('this', 'this', 0);
    this.hoistVars(sf.statements, top.scope);
    this.hoistLexical(sf.statements, top.scope);
    for (const s of sf.statements) this.visit(s, top.scope);
    this.assignSlots();
  }

  private assignSlots(): void {
    const all = new Set([...this.scopes.values(), ...[...this.fns.values()].map((f) => f.scope),
      ...[...this.classFns.values()].flatMap((c) => [c.instInit.scope, c.staticInit.scope])]);
    for (const scope of all) {
      for (const b of scope.bindings.values()) if (b.captured) b.slot = scope.envSlots++;
    }
  }

  /** Declares the `var`s of a function body (not descending into nested functions). */
  private hoistVars(stmts: readonly ts.Node[], fnScope: Scope): void {
    const walk = (n: ts.Node): void => {
      if (isFunctionLike(n) || ts.isClassLike(n) || ts.isClassStaticBlockDeclaration(n)) return;
      if (ts.isVariableDeclarationList(n) && !isLexical(n)) {
        for (const d of n.declarations) for (const id of boundNames(d.name)) fnScope.declare(id.text, 'var', 0);
      }
      if (ts.isExpression(n) && !ts.isVariableDeclarationList(n)) return;
      ts.forEachChild(n, walk);
    };
    for (const s of stmts) walk(s);
  }

  /** Declares the let/const/class/function declarations directly in a statement list. */
  private hoistLexical(stmts: readonly ts.Statement[], scope: Scope): void {
    for (const s of stmts) {
      if (ts.isVariableStatement(s) && isLexical(s.declarationList)) {
        const kind = s.declarationList.flags & ts.NodeFlags.Const ? 'const' : 'let';
        for (const d of s.declarationList.declarations) for (const id of boundNames(d.name)) scope.declare(id.text, kind, d.end);
      } else if (ts.isFunctionDeclaration(s) && s.name) {
        scope.declare(s.name.text, 'function', 0);
      } else if (ts.isClassDeclaration(s) && s.name) {
        scope.declare(s.name.text, 'class', s.end);
      }
    }
  }

  private ref(name: string, scope: Scope, node?: ts.Identifier): void {
    const b = scope.lookup(name);
    if (b && b.scope.fn !== scope.fn) b.captured = true;
    if (!b || !node) return;
    for (const pl of this.paramLists) {
      if (b.scope !== pl.fs || this.paramScopeConflicts.has(pl.node)) continue;
      // A default sees the parameters, not the body's declarations; a closure in it that
      // reads a parameter also var/function-declared in the body reads a separate binding.
      const bodyBinding = b.kind !== 'param' && b.kind !== 'funcname' && b.kind !== 'this' && b.kind !== 'newtarget';
      if (bodyBinding || (pl.bodyNames.has(name) && scope.fn !== pl.fs.fn)) this.paramScopeConflicts.set(pl.node, node);
    }
  }

  /** The scope of the function `this` refers to (skipping arrows). */
  static thisScope(scope: Scope): Scope {
    let s: Scope = scope;
    while (s.fn.kind === 'arrow') s = s.fn.scope.parent!;
    return s.fn.scope;
  }

  private newFn(node: ts.Node, kind: FnKind, parentScope: Scope): FnInfo {
    const fn = { node, kind, parent: parentScope.fn } as unknown as FnInfo;
    fn.scope = new Scope('function', node, parentScope, fn);
    this.fns.set(node, fn);
    if (kind !== 'arrow') {
      fn.scope.declare('this', 'this', 0);
      fn.scope.declare('new.target', 'newtarget', 0);
    }
    return fn;
  }

  private visitFunction(n: ts.FunctionLikeDeclaration, scope: Scope): void {
    if (n.name && ts.isComputedPropertyName(n.name)) this.visit(n.name.expression, scope);
    const kind: FnKind = ts.isArrowFunction(n) ? 'arrow' : ts.isConstructorDeclaration(n) ? 'ctor'
      : ts.isMethodDeclaration(n) ? 'method' : ts.isGetAccessorDeclaration(n) ? 'getter'
      : ts.isSetAccessorDeclaration(n) ? 'setter' : 'normal';
    const fn = this.newFn(n, kind, scope);
    const fs = fn.scope;
    for (const p of n.parameters) for (const id of boundNames(p.name)) fs.declare(id.text, 'param', 0);
    if (n.body && ts.isBlock(n.body)) {
      this.scopes.set(n.body, fs);
      this.hoistVars(n.body.statements, fs);
      this.hoistLexical(n.body.statements, fs);
    }
    // The name of a function expression is shadowed by parameters and body declarations.
    if (ts.isFunctionExpression(n) && n.name && !fs.bindings.has(n.name.text)) fs.declare(n.name.text, 'funcname', 0);
    if (hasParameterExpressions(n.parameters)) {
      const bodyNames = new Set<string>();
      if (n.body && ts.isBlock(n.body)) {
        const tmp = new Scope('function', n, undefined, fn);
        this.hoistVars(n.body.statements, tmp);
        this.hoistLexical(n.body.statements, tmp);
        for (const b of tmp.bindings.values()) if (b.kind === 'var' || b.kind === 'function') bodyNames.add(b.name);
      }
      this.paramLists.push({ fs, bodyNames, node: n });
      for (const p of n.parameters) this.visit(p, fs);
      this.paramLists.pop();
    } else {
      for (const p of n.parameters) this.visit(p, fs);
    }
    if (n.body) {
      if (ts.isBlock(n.body)) for (const s of n.body.statements) this.visit(s, fs);
      else this.visit(n.body, fs);
    }
  }

  private visitClass(n: ts.ClassLikeDeclaration, scope: Scope): void {
    const cs = new Scope('class', n, scope, scope.fn);
    this.scopes.set(n, cs);
    if (n.name) cs.declare(n.name.text, 'classname', n.end);
    for (const h of n.heritageClauses ?? []) for (const t of h.types) this.visit(t.expression, scope);
    const instInit = this.newFn(n, 'fieldinit', cs);
    const staticInit = { node: n, kind: 'staticinit', parent: cs.fn } as unknown as FnInfo;
    staticInit.scope = new Scope('function', n, cs, staticInit);
    staticInit.scope.declare('this', 'this', 0);
    staticInit.scope.declare('new.target', 'newtarget', 0);
    this.classFns.set(n, { instInit, staticInit });
    cs.declare('%init', 'hidden', 0);
    for (const m of n.members) {
      if (m.name && ts.isPrivateIdentifier(m.name)) {
        cs.declare(m.name.text, 'private', 0);
        if (ts.isMethodDeclaration(m)) cs.declare('%' + m.name.text, 'hidden', 0);
      }
    }
    for (const m of n.members) {
      if (ts.isPropertyDeclaration(m)) {
        if (m.name && ts.isComputedPropertyName(m.name)) this.visit(m.name.expression, cs);
        const isStatic = m.modifiers?.some((x) => x.kind === ts.SyntaxKind.StaticKeyword);
        const f = isStatic ? staticInit : instInit;
        if (m.name && ts.isPrivateIdentifier(m.name)) this.ref(m.name.text, f.scope);
        if (m.initializer) this.visit(m.initializer, f.scope);
      } else if (ts.isClassStaticBlockDeclaration(m)) {
        const f = this.newFn(m, 'staticblock', staticInit.scope);
        this.scopes.set(m.body, f.scope);
        this.hoistVars(m.body.statements, f.scope);
        this.hoistLexical(m.body.statements, f.scope);
        for (const s of m.body.statements) this.visit(s, f.scope);
      } else if (isFunctionLike(m)) {
        if (m.name && ts.isPrivateIdentifier(m.name)) {
          this.ref(m.name.text, instInit.scope);
          this.ref(m.name.text, staticInit.scope);
          this.ref('%' + m.name.text, instInit.scope);
        }
        this.visitFunction(m, cs);
      } else {
        this.visit(m, cs);
      }
    }
    // Private names, private methods and %init are only ever used by the class's functions.
    for (const b of cs.bindings.values()) if (b.kind === 'private' || b.kind === 'hidden') b.captured = true;
  }

  private visit(n: ts.Node, scope: Scope): void {
    if (isFunctionLike(n)) return this.visitFunction(n, scope);
    if (ts.isClassLike(n)) return this.visitClass(n, scope);
    if (ts.isIdentifier(n)) {
      if (isReference(n)) this.ref(n.text, scope, n);
      return;
    }
    if (ts.isPrivateIdentifier(n)) return this.ref(n.text, scope);
    if (n.kind === ts.SyntaxKind.ThisKeyword || n.kind === ts.SyntaxKind.SuperKeyword) {
      const ts_ = ScopeAnalysis.thisScope(scope);
      const b = ts_.bindings.get('this');
      if (b && ts_.fn !== scope.fn) b.captured = true;
      return;
    }
    if (ts.isMetaProperty(n)) {
      const ts_ = ScopeAnalysis.thisScope(scope);
      const b = ts_.bindings.get('new.target');
      if (b && ts_.fn !== scope.fn) b.captured = true;
      return;
    }
    if (ts.isBlock(n)) {
      const bs = new Scope('block', n, scope, scope.fn);
      this.scopes.set(n, bs);
      this.hoistLexical(n.statements, bs);
      for (const s of n.statements) this.visit(s, bs);
      return;
    }
    if ((ts.isForStatement(n) || ts.isForInStatement(n) || ts.isForOfStatement(n)) && n.initializer
      && ts.isVariableDeclarationList(n.initializer) && isLexical(n.initializer)) {
      const ls = new Scope('loop', n, scope, scope.fn);
      this.scopes.set(n, ls);
      const kind = n.initializer.flags & ts.NodeFlags.Const ? 'const' : 'let';
      for (const d of n.initializer.declarations) for (const id of boundNames(d.name)) ls.declare(id.text, kind, d.end);
      ts.forEachChild(n, (c) => this.visit(c, ls));
      return;
    }
    if (ts.isCaseBlock(n)) {
      const ss = new Scope('switch', n, scope, scope.fn);
      this.scopes.set(n, ss);
      for (const c of n.clauses) this.hoistLexical(c.statements, ss);
      ts.forEachChild(n, (c) => this.visit(c, ss));
      return;
    }
    if (ts.isCatchClause(n)) {
      const cs = new Scope('catch', n, scope, scope.fn);
      this.scopes.set(n, cs);
      if (n.variableDeclaration) for (const id of boundNames(n.variableDeclaration.name)) cs.declare(id.text, 'catch', 0);
      ts.forEachChild(n, (c) => this.visit(c, cs));
      return;
    }
    ts.forEachChild(n, (c) => this.visit(c, scope));
  }
}
