function sw(x: any) {
  switch (x) {
    case 1: return 'one';
    case '1': return 'string one';
    case 2:
    case 3: return 'two-three';
    default: return 'other';
    case 4: return 'four';
  }
}
console.log(sw(1), sw('1'), sw(3), sw(4), sw(9));
function fall(n: number) {
  const out: string[] = [];
  switch (n) {
    case 0: out.push('zero');
    case 1: out.push('one'); break;
    case 2: { out.push('two'); }
    default: out.push('default');
  }
  return out.join(',');
}
console.log(fall(0), fall(1), fall(2), fall(3));
switch (2) { case 2: let scoped = 'scoped'; console.log(scoped); }
