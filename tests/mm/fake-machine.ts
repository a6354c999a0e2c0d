// Simulated physical memory and MMU for kernel/mm under Node.
//
// FakeMachine implements the intrinsics (kernel/arch/intrinsics.ts): physical memory is a
// Uint8Array, every access is bounds-checked (a stray physical address is a kernel bug and
// throws), CR3 and invlpg are recorded. On top of that it models the parts of the MMU that
// decide whether the kernel's TLB handling is right:
//  - PAE PDPTE registers, loaded only by a CR3 write (a PDPT changed in memory is not seen
//    until then);
//  - a TLB caching translations with their permissions and dirty state, emptied by a CR3
//    write, one entry dropped by invlpg or by a page fault at that address;
//  - the accessed and dirty bits, set in the PTE in memory as the CPU does.
// `access` performs a user (or supervisor) load or store through that model, so a missing
// invlpg shows up as a store landing in a stale frame; `checkTlb` compares every cached entry
// with the tables in memory.

import { FakePortBus } from '../kernel/fake-hardware.ts';
import { readPdpt, translate, type Entry64, type Translation } from '../../host/inspect/pae-walk.ts';

export interface TlbEntry {
  /** Physical page. */
  frame: number;
  writable: boolean;
  user: boolean;
  dirty: boolean;
}

/** What an access gives: the physical address, or the page-fault error code. */
export type AccessResult = { phys: number } | { fault: number };

export class FakeMachine extends FakePortBus {
  readonly mem: Uint8Array;
  private readonly view: DataView;
  private cr3 = 0;
  private pdpteRegs: (Entry64 | null)[] = [null, null, null, null];
  readonly tlb = new Map<number, TlbEntry>();
  /** Every invlpg, as the page address. */
  readonly invlpgLog: number[] = [];
  /** Every CR3 write. */
  readonly cr3Log: number[] = [];
  /** Number of physFill / physCopy calls. */
  fills = 0;
  copies = 0;

  constructor(readonly size: number) {
    super();
    this.mem = new Uint8Array(size);
    this.view = new DataView(this.mem.buffer);
  }

  private check(p: number, n: number): number {
    if (!Number.isInteger(p) || p < 0 || p + n > this.size) {
      throw new RangeError(`physical access of ${n} bytes at 0x${p.toString(16)} outside ${this.size} bytes of RAM`);
    }
    return p;
  }

  override physRead8(p: number): number { return this.mem[this.check(p, 1)]; }
  override physRead16(p: number): number { return this.view.getUint16(this.check(p, 2), true); }
  override physRead32(p: number): number { return this.view.getUint32(this.check(p, 4), true); }
  override physWrite8(p: number, v: number): void { this.mem[this.check(p, 1)] = v & 0xff; }
  override physWrite16(p: number, v: number): void { this.view.setUint16(this.check(p, 2), v & 0xffff, true); }
  override physWrite32(p: number, v: number): void { this.view.setUint32(this.check(p, 4), v >>> 0, true); }
  override physFill(p: number, b: number, n: number): void {
    this.check(p, n);
    this.fills++;
    this.mem.fill(b & 0xff, p, p + n);
  }
  override physCopy(d: number, s: number, n: number): void {
    this.check(d, n);
    this.check(s, n);
    if (d < s + n && s < d + n) throw new Error('physCopy of overlapping ranges');
    this.copies++;
    this.mem.copyWithin(d, s, s + n);
  }
  override readCr3(): number { return this.cr3; }
  override writeCr3(v: number): void {
    this.cr3 = v >>> 0;
    this.cr3Log.push(this.cr3);
    this.pdpteRegs = readPdpt(this.read, this.cr3);
    this.tlb.clear(); // user pages are never global
  }
  override invlpg(va: number): void {
    this.invlpgLog.push((va & ~0xfff) >>> 0);
    this.tlb.delete(va >>> 12);
  }

  /** A ReadPhys for the walker. */
  readonly read = (addr: number, len: number): Uint8Array => this.mem.subarray(this.check(addr, len), addr + len);

  /** The translation the MMU would find now, walking memory with the loaded PDPTE registers. */
  walk(va: number): Translation | null {
    return translate(this.read, this.cr3, va, this.pdpteRegs);
  }

  /** Forget the invalidation logs (to count what one operation does). */
  clearLogs(): void {
    this.invlpgLog.length = 0;
    this.cr3Log.length = 0;
  }

  /**
   * A load or store by the CPU at va (user mode by default): through the TLB, walking and
   * caching on a miss, setting A and D in memory. A fault drops the TLB entry of va and
   * gives the x86 error code (P, W, U bits).
   */
  access(va: number, write: boolean, user = true): AccessResult {
    const vpn = va >>> 12;
    const code = (write ? 2 : 0) | (user ? 4 : 0);
    let e = this.tlb.get(vpn);
    if (!e) {
      const t = this.walk(va);
      if (!t) return this.fault(vpn, code);
      if ((user && !t.user) || (write && !t.writable)) return this.fault(vpn, code | 1);
      this.setBits(t.entryAddr, 0x20);
      e = { frame: (t.phys & ~0xfff) >>> 0, writable: t.writable, user: t.user, dirty: t.dirty };
      this.tlb.set(vpn, e);
    } else if ((user && !e.user) || (write && !e.writable)) {
      return this.fault(vpn, code | 1);
    }
    if (write && !e.dirty) {
      // The CPU sets D with a locked walk of the tables in memory.
      const t = this.walk(va);
      if (!t || !t.writable || (t.phys & ~0xfff) >>> 0 !== e.frame) return this.fault(vpn, code | (t ? 1 : 0));
      this.setBits(t.entryAddr, 0x40);
      e.dirty = true;
    }
    return { phys: e.frame + (va & 0xfff) };
  }

  private fault(vpn: number, code: number): AccessResult {
    this.tlb.delete(vpn);
    return { fault: code };
  }

  private setBits(entryAddr: number, bits: number): void {
    this.view.setUint32(entryAddr, this.view.getUint32(entryAddr, true) | bits, true);
  }

  /**
   * Every TLB entry must still agree with the tables in memory (same frame, no permission
   * the PTE no longer grants), and the PDPTE registers with the PDPT: otherwise the kernel
   * missed an invalidation. Returns the problems found.
   */
  checkTlb(): string[] {
    const problems: string[] = [];
    const mem = readPdpt(this.read, this.cr3);
    for (let i = 0; i < 4; i++) {
      const r = this.pdpteRegs[i], m = mem[i];
      if ((r === null) !== (m === null) || (r && m && r.lo !== m.lo)) {
        problems.push(`PDPTE register ${i} is ${r ? r.lo.toString(16) : 'not present'} but memory has ${m ? m.lo.toString(16) : 'not present'} (CR3 not reloaded)`);
      }
    }
    for (const [vpn, e] of this.tlb) {
      const va = vpn * 4096;
      const t = translate(this.read, this.cr3, va);
      if (!t) problems.push(`stale TLB entry for 0x${va.toString(16)}: the PTE is gone`);
      else if ((t.phys & ~0xfff) >>> 0 !== e.frame) problems.push(`stale TLB entry for 0x${va.toString(16)}: frame ${e.frame.toString(16)}, PTE ${t.phys.toString(16)}`);
      else if ((e.writable && !t.writable) || (e.user && !t.user)) problems.push(`stale TLB entry for 0x${va.toString(16)}: more permissions than the PTE`);
      else if (e.dirty && !t.dirty) problems.push(`stale TLB entry for 0x${va.toString(16)}: D cleared in the PTE without a flush`);
      else if (!t.accessed) problems.push(`stale TLB entry for 0x${va.toString(16)}: A cleared in the PTE without a flush`);
    }
    return problems;
  }
}
