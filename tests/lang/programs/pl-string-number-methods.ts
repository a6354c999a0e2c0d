const n = 3.14159;
console.log(n.toFixed(2), n.toString(), (10).toString(2), (-255).toString(36), (0).toFixed(2), (1e21).toFixed(2));
try { (1).toString(1); } catch (e: any) { console.log(e.name, e.message); }
try { 'x'.repeat(-1); } catch (e: any) { console.log(e.name, e.message); }
