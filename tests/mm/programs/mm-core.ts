// kernel/mm's synchronous core on the guest's real page tables: a frame allocator over
// 16 MiB of the guest's RAM, two address spaces (fork, copy-on-write), a switch of CR3 to
// one of them and back (the kernel half they share keeps the interpreter running), and
// every frame returned.
import { AddressSpace, Fault, FaultAccess, createMmShared } from '../../../kernel/mm/address-space.ts';
import { errnoName } from '../../../kernel/mm/errno.ts';
import { FrameAllocator } from '../../../kernel/mm/frames.ts';
import { formatMaps } from '../../../kernel/mm/maps.ts';
import { MapFlag, Prot } from '../../../kernel/mm/mman.ts';
import { readMemoryMap } from '../../../kernel/mm/multiboot.ts';

const out = (s: string) => __native.writeStdout(s + '\n');
// v86's multiboot loader leaves its information structure at 0x7C00.
out('ram ' + readMemoryMap(0x7c00).map((r) => r.start.toString(16) + '-' + r.end.toString(16)).join(' '));
const frames = new FrameAllocator({ available: [{ start: 0x0200_0000, end: 0x0300_0000 }], reserved: [], limit: 0x0400_0000 });
out('frames ' + frames.managedCount + ' table ' + frames.tableBase.toString(16));
const shared = createMmShared(frames);
if (typeof shared === 'number') throw new Error('no zero page');
const parent = AddressSpace.create(shared) as AddressSpace;
const a = parent.mmap(0x0804_8000, 4 * 4096, Prot.READ | Prot.WRITE, MapFlag.PRIVATE | MapFlag.ANONYMOUS | MapFlag.FIXED);
out('mmap ' + a.toString(16) + ' bad ' + errnoName(parent.mmap(0, 0, Prot.READ, MapFlag.PRIVATE | MapFlag.ANONYMOUS)));
out('fault ' + parent.fault(a + 5, FaultAccess.WRITE | FaultAccess.USER) + ' ' + parent.fault(0x1000, FaultAccess.USER));
const pf = parent.userFrame(a, true) as number;
__native.physWrite32(pf + 8, 0xcafe_f00d);
const child = parent.fork() as AddressSpace;
const cf = child.userFrame(a, true) as number;
out('cow ' + (cf !== pf) + ' ' + __native.physRead32(cf + 8).toString(16));
__native.physWrite32(cf + 8, 0x1234_5678);
out('parent ' + __native.physRead32((parent.userFrame(a, false) as number) + 8).toString(16));
const boot = __native.readCr3();
child.activate();
out('running on the child space ' + (__native.readCr3() === child.pt.root));
__native.writeCr3(boot);
out(formatMaps(child).trim());
parent.free();
child.free();
out('used after free ' + frames.usedCount + ' (the zero page)');
out('fault result codes ' + Fault.OK + ' ' + Fault.SIGSEGV_MAPERR);
