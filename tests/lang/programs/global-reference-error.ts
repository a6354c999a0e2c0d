try { (globalThis as any).missingFn(); } catch (e) { console.log((e as Error).name); }
try { console.log(undefinedVar); } catch (e) { console.log((e as Error).name, (e as Error).message); }
declare const undefinedVar: number;
console.log(typeof undefinedVar);
(globalThis as any).created = 5;
declare const created: number;
console.log(created);
