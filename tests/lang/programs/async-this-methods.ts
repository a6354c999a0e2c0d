// Async arrows keep `this`; async methods in classes (instance, static, private) and object literals; super after await.
class Base {
  constructor(protected readonly name: string) {}
  async describe(): Promise<string> {
    await null;
    return 'Base(' + this.name + ')';
  }
  static async create(name: string): Promise<Base> {
    await null;
    return new this(name);
  }
}

class Derived extends Base {
  #secret = 7;
  async describe(): Promise<string> {
    const base = await super.describe();
    const arrow = async () => {
      await null;
      return this.name + ':' + this.#secret;
    };
    return 'Derived<' + base + ', ' + (await arrow()) + ', ' + (await this.#hidden()) + '>';
  }
  async #hidden(): Promise<number> {
    await Promise.resolve();
    return this.#secret * 2;
  }
}

const obj = {
  count: 0,
  async bump(by: number) {
    await null;
    this.count += by;
    return this.count;
  },
  later: async function () {
    return 'later';
  },
};

async function main() {
  const d = await Derived.create('d');
  console.log(d instanceof Derived, await d.describe());
  console.log(await obj.bump(2), await obj.bump(3), obj.count, await obj.later());
  const unbound = obj.bump;
  try {
    await unbound.call({ count: 10 }, 5).then((v) => console.log('called with other this:', v));
  } catch (e) {
    console.log('error', e);
  }
  try {
    // async functions are not constructors
    const NotCtor: any = async function () {};
    new NotCtor();
  } catch (e) {
    console.log('new of an async function:', (e as Error).name, e instanceof TypeError);
  }
  const asyncFn: any = async () => 1;
  console.log('prototype' in asyncFn, 'prototype' in (async function () {}));
}
main();
