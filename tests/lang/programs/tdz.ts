try { console.log(early); } catch (e) { console.log((e as Error).name, (e as Error).message); }
let early = 1;
function readLater() { return later; }
try { readLater(); } catch (e) { console.log((e as Error).message); }
const later = 2;
console.log(readLater());
try { new K(); } catch (e) { console.log((e as Error).name); }
class K {}
{
  const f = () => inner;
  try { f(); } catch (e) { console.log((e as Error).name); }
  let inner = 'ok';
  console.log(f());
}
switch (1) { case 0: let s = 1; break; case 1: try { console.log(s); } catch (e) { console.log('switch tdz', (e as Error).name); } }
