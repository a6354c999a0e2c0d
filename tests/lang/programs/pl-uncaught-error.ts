console.log('before');
function thrower() { throw new RangeError('bad range'); }
thrower();
