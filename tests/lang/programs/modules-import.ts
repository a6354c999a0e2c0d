import { helper, CONST, Helper } from './support/helper-module.ts';
console.log(helper(2), CONST, new Helper().hello());
