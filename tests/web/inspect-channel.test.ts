// The inspect channel end to end under Node, without a browser: the kernel's side
// (kernel/debug/inspect-channel.ts) writing into the simulated machine of tests/mm, and the
// host's readers (host/inspect/) reading that memory back as the page does.

import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { InspectChannel } from '../../kernel/debug/inspect-channel.ts';
import { Header, INSPECT_PORT } from '../../kernel/debug/inspect-layout.ts';
import type { AddressSpace } from '../../kernel/mm/address-space.ts';
import { Errno } from '../../kernel/mm/errno.ts';
import { formatMaps } from '../../kernel/mm/maps.ts';
import { MapFlag, Prot } from '../../kernel/mm/mman.ts';
import { ChannelError, readChannel } from '../../host/inspect/channel.ts';
import { inspectSpace } from '../../host/inspect/inspect.ts';
import { boot, newSpace, type Booted } from '../mm/setup.ts';

const PAGE = 4096;
const BASE = 0x0804_8000;
const RW = Prot.READ | Prot.WRITE;
const ANON_PRIVATE = MapFlag.PRIVATE | MapFlag.ANONYMOUS | MapFlag.FIXED;

let b: Booted;
let announced: number[];
const read = (addr: number, len: number) => {
  if (addr < 0 || addr + len > b.m.size) throw new RangeError(`read outside RAM at ${addr}`);
  return b.m.mem.subarray(addr, addr + len);
};

beforeEach(() => {
  b = boot(16);
  announced = [];
  let word = 0;
  // outl reaches the bus as four byte writes, lowest first
  b.m.attach(INSPECT_PORT, 4, {
    read: () => 0xff,
    write: (offset, value) => {
      word = offset === 0 ? value : (word | (value << (offset * 8))) >>> 0;
      if (offset === 3) announced.push(word);
    },
  });
});
afterEach(() => b.restore());

function touch(space: AddressSpace, va: number, write: boolean): void {
  const f = space.userFrame(va, write);
  if (typeof f !== 'number' || f < 0) throw new Error(`cannot touch ${va.toString(16)}`);
}

function channel(): InspectChannel {
  const c = InspectChannel.create(b.frames, b.shared.zeroPage);
  if (typeof c === 'number') throw new Error(`InspectChannel.create: ${c}`);
  return c;
}

describe('the inspect channel', () => {
  test('announces its header page on the port, and the host finds the published spaces there', () => {
    const c = channel();
    c.announce();
    expect(announced).toEqual([c.base]);
    const parent = newSpace(b.shared);
    expect(parent.mmap(BASE, 8 * PAGE, RW, ANON_PRIVATE)).toBe(BASE);
    touch(parent, BASE, false);
    touch(parent, BASE + PAGE, true);
    touch(parent, BASE + 2 * PAGE, true);
    const child = parent.fork() as AddressSpace;
    touch(child, BASE + 2 * PAGE, true);
    expect(c.publishKernel(0, b.m.readCr3())).toBe(0);
    expect(c.publishAddressSpace(7, parent, 'parent')).toBe(0);
    expect(c.publishAddressSpace(8, child, 'a-rather-long-process-name')).toBe(0);

    const snap = readChannel(read, announced[0]);
    expect(snap.zeroPage).toBe(b.shared.zeroPage);
    expect(snap.frameTable).toBe(b.frames.tableBase);
    expect(snap.frameLimit).toBe(b.frames.limit);
    expect(snap.spaces.map((s) => [s.pid, s.name, s.cr3, s.kernel])).toEqual([
      [0, 'kernel', b.m.readCr3(), true],
      [7, 'parent', parent.pt.root, false],
      [8, 'a-rather-long-pr', child.pt.root, false], // 16 bytes, like Linux's comm
    ]);
    expect(snap.spaces[1].maps).toBe(formatMaps(parent));

    const kinds = (space: AddressSpace, pid: number) => {
      const seen = inspectSpace(read, snap, snap.spaces.find((s) => s.pid === pid)!);
      for (const p of seen.pages) {
        expect(p.pte).toBe(space.pt.entry(p.va));
        expect(p.count).toBe(b.frames.refCount(p.frame));
      }
      return seen.pages.map((p) => `${(p.va - BASE) / PAGE}:${p.kind}`);
    };
    expect(kinds(parent, 7)).toEqual(['0:zero', '1:cow', '2:cow']);
    expect(kinds(child, 8)).toEqual(['0:zero', '1:cow', '2:private']);
    child.free();
    parent.free();
  });

  test('a maps text over several pages; republishing replaces it and frees the old pages; unpublish frees all', () => {
    const c = channel();
    const used = b.frames.usedCount;
    const space = newSpace(b.shared);
    // alternating protections keep 250 areas from merging: ~10 KiB of text
    for (let i = 0; i < 250; i++) expect(space.mmap(BASE + 2 * i * PAGE, PAGE, i % 2 ? Prot.READ : RW, ANON_PRIVATE)).toBe(BASE + 2 * i * PAGE);
    const spaceFrames = b.frames.usedCount - used;
    expect(formatMaps(space).length).toBeGreaterThan(2 * 4088);
    expect(c.publishAddressSpace(3, space, 'big')).toBe(0);
    expect(b.frames.usedCount - used - spaceFrames).toBe(3); // three text pages
    expect(readChannel(read, c.base).spaces[0].maps).toBe(formatMaps(space));

    expect(space.munmap(BASE, 125 * 2 * PAGE)).toBe(0);
    expect(c.publishAddressSpace(3, space, 'big')).toBe(0);
    expect(readChannel(read, c.base).spaces[0].maps).toBe(formatMaps(space));
    const afterUnmap = b.frames.usedCount;

    c.unpublish(3);
    expect(readChannel(read, c.base).spaces).toEqual([]);
    expect(b.frames.usedCount).toBeLessThan(afterUnmap); // the text pages went back
    c.unpublish(3); // nothing to do
    space.free();
    expect(b.frames.usedCount).toBe(used);
  });

  test('a full table is -ENOMEM; a reader that always finds the kernel writing gives up', () => {
    const c = channel();
    const space = newSpace(b.shared);
    const capacity = b.m.physRead32(c.base + Header.CAPACITY);
    for (let pid = 1; pid <= capacity; pid++) expect(c.publishAddressSpace(pid, space, 'p')).toBe(0);
    expect(c.publishAddressSpace(capacity + 1, space, 'p')).toBe(-Errno.ENOMEM);
    expect(c.publishAddressSpace(1, space, 'again')).toBe(0); // an existing pid keeps its slot
    expect(readChannel(read, c.base).spaces).toHaveLength(capacity);

    b.m.physWrite32(c.base + Header.SEQUENCE, b.m.physRead32(c.base + Header.SEQUENCE) + 1); // odd: mid-update
    expect(() => readChannel(read, c.base)).toThrow(ChannelError);
    expect(() => readChannel(read, c.base + PAGE)).toThrow(/no inspect channel/);
    space.free();
  });
});
