const e: any = new Error('m'); e.name = 'Custom';
console.log(e.toString(), String(new Error()), new Error('').toString());
console.log(Object.prototype.toString.call([]), Object.prototype.toString.call(null), Object.prototype.toString.call(new Error('x')));
console.log(new SyntaxError('s').name, new EvalError('e').name, new URIError('u').name, new ReferenceError('r') instanceof Error);
