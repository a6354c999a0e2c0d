// tsvm's clocks and sleeping: clock_mono_ms / clock_wall_ms with the kernel build's
// contracts (xmm0 = milliseconds; preserve the GPRs, clobber xmm1) from clock_gettime, and
// tsvm_sleep_until for the `idle` native. The monotonic clock counts from tsvm's start (as
// Node's performance.now() counts from the process's). clock_gettime64 (403) is tried first;
// a kernel without it (-ENOSYS) gets clock_gettime (265, 32-bit seconds) from then on.

import { X86Assembler, dword, eax, ebx, ecx, edx, qword, sym, xmm0, xmm1 } from '../../image-builder/x86/index.ts';
import { routine } from '../asm-util.ts';
import { ENOSYS, SYS, sys } from './syscalls.ts';

const CLOCK_REALTIME = 0, CLOCK_MONOTONIC = 1;
/** The longest single nanosleep of tsvm_sleep_until (ms); an infinite deadline sleeps in such steps. */
const MAX_SLEEP_MS = 3_600_000;

export function emitUserClock(a: X86Assembler): void {
  a.section('.rodata').align(8);
  a.label('tsvm_f64_1e3').double(1e3);
  a.label('tsvm_f64_1e6').double(1e6);
  a.label('tsvm_f64_2p32').double(2 ** 32);
  a.label('tsvm_f64_max_sleep').double(MAX_SLEEP_MS);
  a.section('.bss', { nobits: true }).align(8);
  a.label('tsvm_ts').space(16); // a timespec (64-bit seconds and nanoseconds, or 32 and 32)
  a.label('tsvm_mono0').space(8); // the monotonic clock at start, ms
  a.label('tsvm_no_time64').space(4);
  a.label('tsvm_sleep_ts').space(8);

  // tsvm_clock_read: ebx = clock id. xmm0 = the clock in milliseconds (0 if it fails).
  // Preserves the GPRs; clobbers xmm1.
  routine(a, 'tsvm_clock_read', () => {
    a.pushad();
    a.cmp(dword(sym('tsvm_no_time64')), 0).jne('tcr_old');
    a.mov(ecx, sym('tsvm_ts'));
    sys(a, SYS.clock_gettime64);
    a.cmp(eax, -ENOSYS >>> 0).jne('tcr_64');
    a.mov(dword(sym('tsvm_no_time64')), 1);
    a.label('tcr_old');
    a.mov(dword(sym('tsvm_ts')), 0).mov(dword(sym('tsvm_ts').plus(4)), 0);
    a.mov(ecx, sym('tsvm_ts'));
    sys(a, SYS.clock_gettime);
    a.cvtsi2sd(xmm0, dword(sym('tsvm_ts'))).mulsd(xmm0, qword(sym('tsvm_f64_1e3')));
    a.cvtsi2sd(xmm1, dword(sym('tsvm_ts').plus(4))).divsd(xmm1, qword(sym('tsvm_f64_1e6')));
    a.addsd(xmm0, xmm1);
    a.popad().ret();
    a.label('tcr_64'); // seconds: a signed 64-bit count; nanoseconds below 10^9
    a.test(eax, eax).jz('tcr_64_ok');
    a.mov(dword(sym('tsvm_ts')), 0).mov(dword(sym('tsvm_ts').plus(4)), 0).mov(dword(sym('tsvm_ts').plus(8)), 0);
    a.label('tcr_64_ok');
    a.cvtsi2sd(xmm0, dword(sym('tsvm_ts').plus(4))).mulsd(xmm0, qword(sym('tsvm_f64_2p32')));
    a.mov(eax, dword(sym('tsvm_ts')));
    a.cvtsi2sd(xmm1, eax).test(eax, eax).jns('tcr_lo_pos').addsd(xmm1, qword(sym('tsvm_f64_2p32')));
    a.label('tcr_lo_pos').addsd(xmm0, xmm1).mulsd(xmm0, qword(sym('tsvm_f64_1e3')));
    a.cvtsi2sd(xmm1, dword(sym('tsvm_ts').plus(8))).divsd(xmm1, qword(sym('tsvm_f64_1e6')));
    a.addsd(xmm0, xmm1);
    a.popad().ret();
  });

  // tsvm_clock_init: remember the monotonic clock at start. Preserves the GPRs.
  routine(a, 'tsvm_clock_init', () => {
    a.push(ebx).mov(ebx, CLOCK_MONOTONIC).call('tsvm_clock_read').pop(ebx);
    a.movsd(qword(sym('tsvm_mono0')), xmm0).ret();
  });
  // clock_mono_ms: xmm0 = ms since tsvm started. clock_wall_ms: ms since 1970 (UTC).
  routine(a, 'clock_mono_ms', () => {
    a.push(ebx).mov(ebx, CLOCK_MONOTONIC).call('tsvm_clock_read').pop(ebx);
    a.subsd(xmm0, qword(sym('tsvm_mono0'))).ret();
  });
  routine(a, 'clock_wall_ms', () => {
    a.push(ebx).mov(ebx, CLOCK_REALTIME).call('tsvm_clock_read').pop(ebx).ret();
  });

  // tsvm_sleep_until: sleep (nanosleep) until clock_mono_ms reaches the double at
  // idle_deadline (NaN: return at once; Infinity: sleep in hour-long steps for ever).
  // Preserves the GPRs; clobbers xmm0, xmm1.
  routine(a, 'tsvm_sleep_until', () => {
    a.pushad();
    a.label('tsu_loop').call('clock_mono_ms');
    a.movsd(xmm1, qword(sym('idle_deadline')));
    a.ucomisd(xmm1, xmm0).jp('tsu_done').jbe('tsu_done');
    a.subsd(xmm1, xmm0).minsd(xmm1, qword(sym('tsvm_f64_max_sleep'))); // ms to wait
    a.cvttsd2si(eax, xmm1).add(eax, 1).xor(edx, edx).mov(ecx, 1000).div(ecx); // whole ms, rounded up
    a.mov(dword(sym('tsvm_sleep_ts')), eax);
    a.imul(edx, edx, 1_000_000).mov(dword(sym('tsvm_sleep_ts').plus(4)), edx);
    a.mov(ebx, sym('tsvm_sleep_ts')).xor(ecx, ecx);
    sys(a, SYS.nanosleep); // early returns (EINTR) just go round again
    a.jmp('tsu_loop');
    a.label('tsu_done').popad().ret();
  });
}
