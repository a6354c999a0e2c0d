// `this` in a derived constructor before super() returns, super() twice, returning
// without super(): ReferenceErrors with Node's messages.
class Base {
  tag = 'base';
  constructor(public n: number = 0) {}
}

function report(label: string, f: () => unknown): void {
  try {
    const v = f();
    console.log(label, 'ok', v instanceof Base ? (v as Base).tag : v);
  } catch (e) {
    console.log(label, (e as Error).name, (e as Error).message);
  }
}

class Direct extends Base {
  constructor() {
    const self = this;
    super();
    console.log('unreachable', self);
  }
}
report('direct', () => new Direct());

class Assign extends Base {
  x: number;
  constructor() {
    (this as { y?: number }).y = 1;
    super();
    this.x = 2;
  }
}
report('assign', () => new Assign());

class ViaArrow extends Base {
  constructor() {
    const get = () => this;
    let early: unknown = 'none';
    try { early = get(); } catch (e) { early = (e as Error).name + ': ' + (e as Error).message; }
    super();
    console.log('arrow before:', early);
    console.log('arrow after:', get() === this, get().tag);
  }
}
report('arrow', () => new ViaArrow());

class Nested extends Base {
  constructor(flag: boolean) {
    const inner = () => () => this.n;
    if (flag) inner()();
    super(7);
    console.log('nested after', inner()());
  }
}
report('nested-arrow-before', () => new Nested(true));
report('nested-arrow-after', () => new Nested(false));

class Twice extends Base {
  constructor() {
    super(1);
    console.log('first super done', this.n);
    super(2);
  }
}
report('twice', () => new Twice());

class TwiceCaught extends Base {
  constructor() {
    super(1);
    try { super(2); } catch (e) { console.log('caught', (e as Error).name, (e as Error).message, this.n); }
  }
}
report('twice-caught', () => new TwiceCaught());

class NoSuper extends Base {
  constructor() {
    if (Math.random() > 2) super();
  }
}
report('no-super', () => new NoSuper());

class ReturnsObject extends Base {
  constructor() {
    if (Math.random() > 2) super();
    return { tag: 'plain' } as ReturnsObject;
  }
}
report('returns-object', () => new ReturnsObject().tag);

class ReturnsUndefinedAfterSuper extends Base {
  constructor() {
    super(3);
    return undefined;
  }
}
report('returns-undefined', () => new ReturnsUndefinedAfterSuper().n);

class ReturnsPrimitive extends Base {
  constructor() {
    super();
    return 5 as unknown as ReturnsPrimitive;
  }
}
report('returns-primitive', () => new ReturnsPrimitive());

class ThisInTypeof extends Base {
  constructor() {
    const t = typeof this;
    super();
    console.log(t);
  }
}
report('typeof-this', () => new ThisInTypeof());

class SuperArgUsesThis extends Base {
  constructor() {
    super((this as unknown as Base).n);
  }
}
report('super-arg-this', () => new SuperArgUsesThis());

class Ok extends Base {
  m = 'field';
  constructor() {
    super(4);
    const f = () => this.m + this.n;
    console.log('ok inside', f());
  }
}
report('ok', () => new Ok());
