// Keeps everything it allocates: runs out of heap.
const keep: number[][] = [];
for (let i = 0; ; i++) {
  const a: number[] = new Array(65536);
  for (let j = 0; j < 65536; j += 4096) a[j] = j;
  keep.push(a);
  if (i === 0) console.log('allocating');
}

export {}; // a module: its names do not clash with the other test programs' globals
