// A binary-heap priority queue, Dijkstra's shortest paths with path reconstruction on a
// small road network, plus BFS, topological sort and a minimum spanning tree.
class MinHeap<T> {
  private items: { pri: number; seq: number; value: T }[] = [];
  private seq = 0;
  get size() { return this.items.length; }
  push(value: T, pri: number) {
    const a = this.items;
    a.push({ pri, seq: this.seq++, value });
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.less(a[i], a[p])) { [a[i], a[p]] = [a[p], a[i]]; i = p; } else break;
    }
  }
  pop(): { value: T; pri: number } | undefined {
    const a = this.items;
    if (a.length === 0) return undefined;
    const top = a[0];
    const last = a.pop()!;
    if (a.length > 0) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1, r = l + 1;
        let m = i;
        if (l < a.length && this.less(a[l], a[m])) m = l;
        if (r < a.length && this.less(a[r], a[m])) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m], a[i]];
        i = m;
      }
    }
    return { value: top.value, pri: top.pri };
  }
  private less(x: { pri: number; seq: number }, y: { pri: number; seq: number }) { return x.pri < y.pri || (x.pri === y.pri && x.seq < y.seq); }
}
const heap = new MinHeap<string>();
for (const [v, p] of [['e', 5], ['a', 1], ['d', 4], ['b', 2], ['c', 3], ['a2', 1], ['z', 0], ['e2', 5]] as [string, number][]) heap.push(v, p);
const drained: string[] = [];
while (heap.size) drained.push(heap.pop()!.value);
console.log('heap order', drained.join(' '));

const roads: [string, string, number][] = [
  ['Amsterdam', 'Utrecht', 45], ['Amsterdam', 'Haarlem', 20], ['Haarlem', 'Leiden', 30], ['Leiden', 'Den Haag', 20], ['Den Haag', 'Rotterdam', 25],
  ['Utrecht', 'Rotterdam', 60], ['Utrecht', 'Arnhem', 65], ['Rotterdam', 'Breda', 50], ['Breda', 'Eindhoven', 60], ['Utrecht', 'Den Bosch', 55],
  ['Den Bosch', 'Eindhoven', 35], ['Arnhem', 'Nijmegen', 20], ['Nijmegen', 'Den Bosch', 45], ['Leiden', 'Utrecht', 55], ['Groningen', 'Zwolle', 105],
];
const graph = new Map<string, { to: string; w: number }[]>();
const link = (a: string, b: string, w: number) => { if (!graph.has(a)) graph.set(a, []); graph.get(a)!.push({ to: b, w }); };
for (const [a, b, w] of roads) { link(a, b, w); link(b, a, w); }
function dijkstra(src: string) {
  const dist = new Map<string, number>([[src, 0]]);
  const prev = new Map<string, string>();
  const pq = new MinHeap<string>();
  pq.push(src, 0);
  const settledOrder: string[] = [];
  const done = new Set<string>();
  while (pq.size) {
    const { value: u, pri: d } = pq.pop()!;
    if (done.has(u)) continue;
    done.add(u);
    settledOrder.push(`${u}(${d})`);
    for (const { to, w } of graph.get(u) ?? []) {
      const nd = d + w;
      if (nd < (dist.get(to) ?? Infinity)) { dist.set(to, nd); prev.set(to, u); pq.push(to, nd); }
    }
  }
  return { dist, prev, settledOrder };
}
const { dist, prev, settledOrder } = dijkstra('Amsterdam');
console.log(settledOrder.join(' '));
const pathTo = (t: string) => { const p: string[] = []; for (let c: string | undefined = t; c !== undefined; c = prev.get(c)) p.unshift(c); return p; };
for (const city of ['Eindhoven', 'Nijmegen', 'Rotterdam', 'Breda', 'Groningen']) {
  console.log(city.padEnd(10), dist.has(city) ? `${dist.get(city)} km via ${pathTo(city).join(' -> ')}` : 'unreachable');
}
function bfsHops(src: string) {
  const hops = new Map([[src, 0]]);
  const queue = [src];
  while (queue.length) {
    const u = queue.shift()!;
    for (const { to } of graph.get(u)!) if (!hops.has(to)) { hops.set(to, hops.get(u)! + 1); queue.push(to); }
  }
  return hops;
}
console.log(Object.fromEntries(bfsHops('Breda')));
const deps: Record<string, string[]> = { app: ['ui', 'net', 'log'], ui: ['dom', 'log'], net: ['log', 'json'], dom: [], log: [], json: ['log'] };
function topo(g: Record<string, string[]>): string[] {
  const state = new Map<string, 'visiting' | 'done'>();
  const out: string[] = [];
  const visit = (n: string, trail: string[]) => {
    if (state.get(n) === 'done') return;
    if (state.get(n) === 'visiting') throw new Error('cycle: ' + [...trail, n].join(' -> '));
    state.set(n, 'visiting');
    for (const d of g[n] ?? []) visit(d, [...trail, n]);
    state.set(n, 'done');
    out.push(n);
  };
  for (const n of Object.keys(g).sort()) visit(n, []);
  return out;
}
console.log('build order', topo(deps).join(' '));
try { topo({ ...deps, log: ['app'] }); } catch (e) { console.log((e as Error).message); }
function kruskal(): { total: number; used: string[] } {
  const parent = new Map<string, string>();
  const find = (x: string): string => { const p = parent.get(x) ?? x; if (p === x) return x; const r = find(p); parent.set(x, r); return r; };
  const used: string[] = [];
  let total = 0;
  for (const [a, b, w] of roads.slice().sort((x, y) => x[2] - y[2] || (x[0] < y[0] ? -1 : 1))) {
    const ra = find(a), rb = find(b);
    if (ra !== rb) { parent.set(ra, rb); used.push(`${a}-${b}:${w}`); total += w; }
  }
  return { total, used };
}
const mst = kruskal();
console.log('mst', mst.total, mst.used.length);
console.log(mst.used);
