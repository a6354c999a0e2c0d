try { throw new Error('e1'); } catch (e) { console.log('caught', (e as Error).message); }
try { null!.toString(); } catch (e) { console.log((e as Error).constructor.name); }
try { throw 42; } catch (v) { console.log('value', v); }
try { try { throw 'inner'; } catch (x) { throw 'rethrown ' + x; } } catch (y) { console.log(y); }
try { throw { code: 7 }; } catch ({ code }) { console.log('code', code); }
try { console.log('no throw'); } catch { console.log('unreached'); }
const r = (() => { try { return 'try'; } catch { return 'catch'; } })();
console.log(r);
