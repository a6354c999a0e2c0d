console.log('before');
function fail() { throw new Error('uncaught failure'); }
fail();
console.log('after');
