class C {}
console.log(typeof 1, typeof 'a', typeof true, typeof undefined, typeof null, typeof {}, typeof [], typeof (() => 1), typeof C, typeof Symbol());
console.log(typeof notDefinedAnywhere, typeof Math, typeof console.log);
declare const notDefinedAnywhere: unknown;
