// Keeps far more live data than tsvm's first heap (two 2 MiB semispaces) holds: the heap
// must grow (larger semispaces mapped) instead of running out of memory.
interface Node { index: number; text: string; next: Node | undefined }
let head: Node | undefined;
const N = 200_000;
for (let i = 0; i < N; i++) head = { index: i, text: 'item-' + i + '-' + 'x'.repeat(i % 50), next: head };
const blocks: number[][] = [];
for (let i = 0; i < 400; i++) blocks.push(new Array(2000).fill(i));
let count = 0, sum = 0, chars = 0;
for (let n = head; n; n = n.next) { count++; sum += n.index; chars += n.text.length; }
let blockSum = 0;
for (const b of blocks) blockSum += b.length * b[0];
console.log(count, sum, chars, blockSum);
