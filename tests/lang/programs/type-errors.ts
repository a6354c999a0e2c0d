const u: any = undefined;
try { u.x; } catch (e) { console.log((e as Error).name); }
try { u(); } catch (e) { console.log((e as Error).name); }
try { new (5 as any)(); } catch (e) { console.log((e as Error).name); }
try { const o: any = {}; o.method(); } catch (e) { console.log((e as Error).name); }
try { null!['k'] = 1; } catch (e) { console.log((e as Error).name); }
try { for (const x of 5 as any) console.log(x); } catch (e) { console.log((e as Error).name); }
try { class A {} class B extends (5 as any) {} console.log(A, B); } catch (e) { console.log((e as Error).name); }
