try { (undefined as any).foo; } catch (e: any) { console.log(e.name, e.message, e.stack.split('\n')[0]); }
try { (1 as any)(); } catch (e: any) { console.log(e instanceof TypeError, e.message); }
try { (globalThis as any).nope; nope2; } catch (e: any) { console.log(e.name, e.message); }
declare const nope2: number;
