// The in-guest self-test of kernel/mm (`tskern selftest mm`, or `selftest=mm` on the kernel
// command line): builds user address spaces on the machine's real PAE tables, touches them
// through the fault path, forks, checks copy-on-write contents and frame counts, unmaps
// and frees everything, and reports `N passed, M failed` and `frames free before=X
// after=Y`. It passes only if every check passed and X equals Y.
//
// The frame allocator gets the RAM above the native code's memory (image, stacks and the
// interpreter heap end at physReservedEnd), as the kernel proper will.

import { physRead32, physReservedEnd, physWrite32, readCr3, writeCr3 } from '../arch/intrinsics.ts';
import { AddressSpace, Fault, FaultAccess, createMmShared, type MmShared } from './address-space.ts';
import { Errno, errnoName } from './errno.ts';
import { usableRam } from './boot-memory.ts';
import { FrameAllocator } from './frames.ts';
import { dumpPageTables, formatMaps } from './maps.ts';
import { Mm } from './mm.ts';
import { MapFlag, Prot } from './mman.ts';
import { Checks } from '../debug/checks.ts';

const PAGE = 4096;
const BASE = 0x0804_8000;
const ANON_PRIVATE = MapFlag.PRIVATE | MapFlag.ANONYMOUS;
const RW = Prot.READ | Prot.WRITE;

export interface SelftestResult {
  passed: number;
  failed: number;
  framesBefore: number;
  framesAfter: number;
}

/** A fault's result code (anonymous memory never waits for a backing object). */
function faultCode(space: AddressSpace, va: number, access: number): number {
  const r = space.fault(va, access);
  return typeof r === 'number' ? r : -1;
}

/** The frame a user page is mapped to after the fault path ran for the access. */
function frameOf(space: AddressSpace, va: number, write: boolean): number {
  const f = space.userFrame(va, write);
  return typeof f === 'number' ? f : -1; // anonymous memory never waits
}

/**
 * The locked, asynchronous face (kernel/mm/mm.ts) in the guest: system calls on the write
 * side, kernel copies to and from user memory through the fault path on the read side,
 * concurrent operations ordered by the lock, and a kernel write breaking copy-on-write.
 */
async function asyncChecks(t: Checks, shared: MmShared): Promise<void> {
  const space = AddressSpace.create(shared) as AddressSpace;
  const mm = new Mm(space);
  const a = await mm.mmap(0x1000_0000, 4 * PAGE, RW, ANON_PRIVATE | MapFlag.FIXED);
  t.equal(a, 0x1000_0000, 'Mm.mmap');
  t.equal(await mm.writeUser(a + PAGE - 2, [1, 2, 3, 4]), 0, 'copy_to_user across a page boundary');
  const back = await mm.readUser(a + PAGE - 2, 4);
  t.equal(typeof back === 'number' ? 'error ' + back : back.join(','), '1,2,3,4', 'copy_from_user reads it back');
  const unmappedRead = await mm.readUser(0x2000_0000, 4);
  t.equal(typeof unmappedRead === 'number' ? unmappedRead : 0, -Errno.EFAULT, 'copy_from_user of unmapped memory is EFAULT');
  // a fault and an munmap issued together: the lock orders them (the fault first, so it maps)
  const [faulted, unmapped] = await Promise.all([mm.fault(a + 2 * PAGE, FaultAccess.USER | FaultAccess.WRITE), mm.munmap(a + 3 * PAGE, PAGE)]);
  t.ok(faulted === Fault.OK && unmapped === 0, 'a fault and a munmap run one after the other under the lock');
  const child = await mm.fork();
  t.ok(typeof child === 'object', 'Mm.fork');
  if (typeof child === 'object') {
    t.equal(await child.writeUser(a + PAGE - 2, [9]), 0, 'a kernel write into the child');
    const parentView = await mm.readUser(a + PAGE - 2, 1);
    t.equal(typeof parentView === 'number' ? -1 : parentView[0], 1, 'the kernel write broke copy-on-write: the parent still reads 1');
    await child.free();
  }
  await mm.free();
  t.ok(space.isFreed, 'Mm.free waited for nothing and freed the space');
}

export async function runMmSelftest(out: (line: string) => void): Promise<SelftestResult> {
  const t = new Checks(out);
  const ram = usableRam();
  let limit = 0;
  for (const r of ram) if (r.end > limit) limit = r.end;
  t.ok(ram.length > 0, 'the memory map leaves RAM above the native code');
  const frames = new FrameAllocator({ available: ram, reserved: [], limit });
  out('frames managed ' + frames.managedCount + ' from 0x' + physReservedEnd().toString(16));
  const shared = createMmShared(frames);
  if (typeof shared === 'number') {
    t.ok(false, 'zero page: ' + errnoName(shared));
    return { passed: t.passed, failed: t.failed, framesBefore: 0, framesAfter: 0 };
  }
  const framesBefore = frames.freeCount;

  // mmap: anonymous private memory, argument errors as Linux reports them
  const parent = AddressSpace.create(shared) as AddressSpace;
  const a = parent.mmap(BASE, 8 * PAGE, RW, ANON_PRIVATE | MapFlag.FIXED);
  t.equal(a, BASE, 'mmap MAP_FIXED returns the address');
  t.equal(parent.mmap(0, 0, Prot.READ, ANON_PRIVATE), -Errno.EINVAL, 'mmap of length 0 is EINVAL');
  t.equal(parent.mmap(BASE + 1, PAGE, Prot.READ, ANON_PRIVATE | MapFlag.FIXED), -Errno.EINVAL, 'unaligned MAP_FIXED is EINVAL');
  t.equal(parent.mmap(BASE, PAGE, Prot.READ, ANON_PRIVATE | MapFlag.FIXED_NOREPLACE), -Errno.EEXIST, 'MAP_FIXED_NOREPLACE over a mapping is EEXIST');
  const hinted = parent.mmap(0, 2 * PAGE, Prot.READ, ANON_PRIVATE);
  t.ok(hinted > 0 && hinted % PAGE === 0 && hinted < 0xc000_0000, 'mmap without an address picks a free user range');

  // faults: zero page on read, a zeroed frame on write, SIGSEGV outside any mapping
  t.equal(frameOf(parent, a, false), shared.zeroPage, 'a read of untouched memory maps the zero page');
  const before = frames.freeCount;
  const pf = frameOf(parent, a, true);
  t.ok(pf > 0 && pf !== shared.zeroPage, 'a write gets a frame of its own');
  t.equal(frames.freeCount, before - 1, 'one frame used by the write fault (its page table already exists)');
  t.equal(physRead32(pf + 16), 0, 'the new frame is zeroed');
  t.equal(faultCode(parent, 0x1000, FaultAccess.USER), Fault.SIGSEGV_MAPERR, 'a fault outside every area is SIGSEGV (MAPERR)');
  physWrite32(pf + 8, 0xcafe_f00d);

  // fork: private writable pages become copy-on-write in both spaces
  const child = parent.fork() as AddressSpace;
  t.ok(typeof child === 'object', 'fork');
  t.equal(frameOf(child, a, false), pf, 'after fork the child reads the parent\'s frame');
  t.equal(frames.refCount(pf), 2, 'the shared frame is counted twice');
  const cf = frameOf(child, a, true);
  t.ok(cf !== pf && cf > 0, 'a write in the child breaks copy-on-write');
  t.equal(physRead32(cf + 8), 0xcafe_f00d, 'the copy has the parent\'s contents');
  physWrite32(cf + 8, 0x1234_5678);
  t.equal(physRead32(pf + 8), 0xcafe_f00d, 'the parent keeps its value');
  t.equal(frames.refCount(pf), 1, 'the parent\'s frame is counted once again');
  t.equal(frameOf(parent, a, true), pf, 'the parent\'s write reuses its frame (count 1): no copy');

  // the child's space is live on the CPU: switch CR3 and back
  const bootCr3 = readCr3();
  child.activate();
  t.equal(readCr3(), child.pt.root, 'CR3 holds the child\'s PDPT');
  writeCr3(bootCr3);
  t.equal(readCr3(), bootCr3, 'back on the boot tables');

  // munmap in the middle splits the area; mprotect makes writes fail
  t.equal(parent.munmap(a + 2 * PAGE, PAGE), 0, 'munmap of one page');
  t.equal(faultCode(parent, a + 2 * PAGE, FaultAccess.USER), Fault.SIGSEGV_MAPERR, 'the unmapped page faults with SIGSEGV');
  t.equal(parent.mprotect(a + 4 * PAGE, 2 * PAGE, Prot.READ), 0, 'mprotect read-only');
  t.equal(faultCode(parent, a + 4 * PAGE, FaultAccess.USER | FaultAccess.WRITE), Fault.SIGSEGV_ACCERR, 'a write to read-only memory is SIGSEGV (ACCERR)');
  const maps = formatMaps(parent);
  t.ok(maps.indexOf('08048000-0804a000 rw-p 00000000 00:00 0\n0804b000-0804c000 rw-p') >= 0, 'maps lists the parts around the hole munmap made');
  // anonymous areas show offset 0, as Linux prints them (only file mappings show vm_pgoff)
  t.ok(maps.indexOf('0804c000-0804e000 r--p 00000000 00:00 0') >= 0, 'maps lists the read-only part of the split area:\n' + maps);
  t.ok(dumpPageTables(parent, a, a + PAGE).length > 0, 'the page tables of the range can be dumped');
  t.equal(parent.mprotect(a + 1, PAGE, Prot.READ), -Errno.EINVAL, 'unaligned mprotect is EINVAL');
  t.equal(parent.munmap(a, 0), -Errno.EINVAL, 'munmap of length 0 is EINVAL');

  // brk grows and shrinks
  parent.setBrkBase(0x0900_0000);
  t.equal(parent.brk(0x0900_0000 + 3 * PAGE), 0x0900_0000 + 3 * PAGE, 'brk grows');
  t.ok(frameOf(parent, 0x0900_0000 + PAGE, true) > 0, 'the heap can be written');
  t.equal(parent.brk(0x0900_0000 + PAGE), 0x0900_0000 + PAGE, 'brk shrinks');
  t.equal(faultCode(parent, 0x0900_0000 + 2 * PAGE, FaultAccess.USER), Fault.SIGSEGV_MAPERR, 'memory above the shrunk break is gone');

  // everything goes back
  child.free();
  parent.free();
  await asyncChecks(t, shared);
  const framesAfter = frames.freeCount;
  t.equal(framesAfter, framesBefore, 'every frame and page table returned');
  return { passed: t.passed, failed: t.failed, framesBefore, framesAfter };
}
