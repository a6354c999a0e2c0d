// crash: write to address 16, which no process maps: the kernel sends SIGSEGV and the
// shell reports 'Segmentation fault'. A way to see that a crash takes down only its process.
import { writeMemory } from '../lib/sys.ts';

writeMemory(16, 'x');
