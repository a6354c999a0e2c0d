// An uncaught error whose class sets its name after super(): V8 formats the stack lazily, so its header names MyError.
class MyError extends Error {
  constructor(m: string) {
    super(m);
    this.name = 'MyError';
  }
}
console.log('before');
throw new MyError('boom');
