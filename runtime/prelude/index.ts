// The runtime prelude: the JavaScript globals, installed before the program runs
// (image-builder/compiler/compile.ts bundles it ahead of every program). Module order
// matters: core registers the intrinsic prototypes and the Error classes first.
import './bootstrap.ts';
import './core.ts';
import './symbol.ts';
import './iteration.ts';
import './object.ts';
import './array.ts';
import './string-number.ts';
import './regexp.ts';
import './collections.ts';
import './typed-array.ts';
import './date.ts';
import './weak.ts';
import './weak-reflect-uri.ts';
import './generator.ts';
import './super.ts';
import './async.ts';

// The start-up is over: objects made from here on share shapes (bootstrap.ts).
__native.uniqueShapes(-1);
