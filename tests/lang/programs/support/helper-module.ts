export const CONST = 'constant';
export function helper(n: number) { return n * 21; }
export class Helper { hello() { return 'hello from module'; } }
