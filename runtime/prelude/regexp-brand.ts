// The RegExp objects' brand: instances of a class with the compiled program, source and
// flags in private fields, so every method can check its receiver. Its own module, with no
// dependencies, so Object.prototype.toString (object.ts) can tell a RegExp without
// importing regexp.ts (which must run after the String methods it wraps).

import type { Program } from '../regexp/compile.ts';

export const RegExpImpl = class {
  #program: Program;
  #source: string;
  #flags: string;
  constructor(program: Program, source: string, flags: string) {
    this.#program = program;
    this.#source = source;
    this.#flags = flags;
  }
  static isRegExp(r: any): boolean {
    return __native.valueKind(r) === 5 && #program in r;
  }
  static programOf(r: any): Program {
    return r.#program;
  }
  static sourceOf(r: any): string {
    return r.#source;
  }
  static flagsOf(r: any): string {
    return r.#flags;
  }
  static reinitialize(r: any, program: Program, source: string, flags: string): void {
    r.#program = program;
    r.#source = source;
    r.#flags = flags;
  }
};
export const isRegExpObject: (r: any) => boolean = (RegExpImpl as any).isRegExp;
export const programOf: (r: any) => Program = (RegExpImpl as any).programOf;
export const sourceOf: (r: any) => string = (RegExpImpl as any).sourceOf;
export const flagsOf: (r: any) => string = (RegExpImpl as any).flagsOf;
export const reinitialize: (r: any, program: Program, source: string, flags: string) => void = (RegExpImpl as any).reinitialize;
__native.deleteProperty(RegExpImpl, 'isRegExp');
__native.deleteProperty(RegExpImpl, 'programOf');
__native.deleteProperty(RegExpImpl, 'sourceOf');
__native.deleteProperty(RegExpImpl, 'flagsOf');
__native.deleteProperty(RegExpImpl, 'reinitialize');
