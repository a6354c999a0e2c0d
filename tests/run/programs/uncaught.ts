export {};
declare const __native: any;
__native.writeStdout('before\n');
throw 'boom';
