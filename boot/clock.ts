// Time: the PIT as the periodic interrupt (IRQ 0 at PIT_HZ, the time base for timers and,
// later, preemption), the TSC calibrated against the PIT for a fine monotonic clock that
// also runs while interrupts are off, and the CMOS RTC for the wall clock.
//
// clock_init runs once at boot with interrupts off and uses integer instructions only (SSE
// is enabled later, by the interpreter); the millisecond conversions (clock_mono_ms,
// clock_wall_ms) use SSE2 and are for the interpreter's natives.

import {
  X86Assembler, al, dword, eax, ebp, ebx, ecx, edi, edx, esi, esp, mem, qword, sym, xmm0, xmm1,
} from '../image-builder/x86/index.ts';
import { routine } from './asm-util.ts';
import { PORT } from './layout.ts';

/** The PIT's input clock (Hz) and the divisor for channel 0: 1193 gives about 1000.15 Hz. */
export const PIT_INPUT_HZ = 1193182;
export const PIT_DIVISOR = 1193;
/** PIT input clocks the TSC calibration spans at least (10 ms: the PIT's count and the TSC
 *  are both read to within a microsecond or so, so the rate is good to 10^-4; every boot
 *  spins this long). */
const CALIBRATION_COUNTS = Math.ceil(PIT_INPUT_HZ / 100);
/** Polls of the PIT counter before calibration gives up (a PIT that does not count). */
const POLL_LIMIT = 20_000_000;
/** Brackets measured for the narrowest, and how much wider a usable one may be. */
const CAL_WIDTH_SAMPLES = 8;
const CAL_WIDTH_FACTOR = 4;
/** Calibration attempts at most (each redone only after a stall of a quarter of its window). */
const CAL_ATTEMPTS = 8;

const PIT_CH0 = 0x40, PIT_CMD = 0x43, CMOS_INDEX = 0x70, CMOS_DATA = 0x71;

/** Days before each month in a common year. */
const CUMULATIVE_DAYS = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

export function emitClock(a: X86Assembler): void {
  a.section('.rodata').align(8);
  a.label('clock_pit_ms').double(1000 / PIT_INPUT_HZ);
  a.label('clock_thousand').double(1000);
  a.label('clock_2p32').double(2 ** 32);
  a.label('clock_month_days');
  for (const d of CUMULATIVE_DAYS) a.dd(d);
  a.section('.bss', { nobits: true }).align(8);
  // clock_tsc0: the TSC at monotonic time 0; clock_cycles: TSC cycles in the calibration
  // window; clock_rtc_tsc / clock_rtc_secs: the TSC when the RTC was read, and its reading
  // in seconds since 1970; pit_ticks: IRQ 0 count (64 bits).
  for (const v of ['clock_tsc0', 'clock_cycles', 'clock_rtc_tsc', 'pit_ticks']) a.label(v).space(8);
  // clock_counts: PIT input clocks the calibration window spanned
  a.label('clock_rtc_secs').space(4).label('clock_counts').space(4);
  // calibration state (clock_init): cal_t1: the TSC before the last PIT reading; cal_t0: at
  // the attempt's first; cal_prev: at the previous poll; cal_gap: the longest poll-to-poll
  // gap; cal_wmax: the widest usable bracket; cal_attempts: attempts left
  for (const v of ['cal_t1', 'cal_t0', 'cal_prev']) a.label(v).space(8);
  for (const v of ['cal_gap', 'cal_wmax', 'cal_attempts']) a.label(v).space(4);

  // pit_read_count: ax = the current count of PIT channel 0 (latched). Clobbers eax.
  routine(a, 'pit_read_count', () => {
    a.push(ecx);
    a.mov(al, 0x00).out(PIT_CMD, al); // latch channel 0
    a.in(al, PIT_CH0).movzx(ecx, al);
    a.in(al, PIT_CH0).movzx(eax, al).shl(eax, 8).or(eax, ecx);
    a.pop(ecx).ret();
  });

  // cmos_read: al = register index; al = its value. Clobbers eax.
  routine(a, 'cmos_read', () => {
    a.out(CMOS_INDEX, al).in(al, CMOS_DATA).movzx(eax, al).ret();
  });

  // bcd_to_bin: eax = a BCD byte; eax = its value.
  routine(a, 'bcd_to_bin', () => {
    a.push(ecx);
    a.mov(ecx, eax).and(ecx, 0x0f).shr(eax, 4).imul(eax, eax, 10).add(eax, ecx);
    a.pop(ecx).ret();
  });

  // clock_init: calibrates the TSC against the PIT, programs PIT channel 0 as a rate
  // generator at PIT_INPUT_HZ / PIT_DIVISOR, reads the RTC, unmasks IRQ 0. Interrupts must
  // be off.
  // cal_sample: one PIT reading bracketed by the TSC. eax = the count, ecx = the bracket's
  // width in TSC cycles (saturated to 32 bits), cal_t1 = the TSC just before the reading.
  // Clobbers edx.
  routine(a, 'cal_sample', () => {
    a.rdtsc().mov(dword(sym('cal_t1')), eax).mov(dword(sym('cal_t1').plus(4)), edx);
    a.call('pit_read_count').push(eax);
    a.rdtsc().sub(eax, dword(sym('cal_t1'))).sbb(edx, dword(sym('cal_t1').plus(4)));
    a.mov(ecx, eax).test(edx, edx).jz('cs_done').mov(ecx, -1);
    a.label('cs_done').pop(eax).ret();
  });

  // clock_init: calibrates the TSC against the PIT, programs PIT channel 0 as a rate
  // generator at PIT_INPUT_HZ / PIT_DIVISOR, reads the RTC, unmasks IRQ 0. Interrupts must
  // be off.
  //
  // The calibration must hold when the host stalls the machine at any point (an emulator's
  // process preempted on a loaded host: tens of ms): a stall between a PIT reading and the
  // TSC reading taken as its time would count time on one side only (after the first
  // reading the clock runs fast and every timer fires early; after the last, slow). So each
  // reference reading is bracketed by two TSC reads (cal_sample) and one whose bracket is
  // wider than CAL_WIDTH_FACTOR times the narrowest of CAL_WIDTH_SAMPLES is not used. A
  // stall longer than a PIT period (55 ms) between two polls would lose whole periods of
  // counts: an attempt whose longest poll-to-poll gap exceeds a quarter of its window is
  // redone (a lost period makes the gap most of the window), CAL_ATTEMPTS times at most.
  routine(a, 'clock_init', () => {
    a.pushad();
    a.mov(al, 0x34).out(PIT_CMD, al); // channel 0, lobyte/hibyte, mode 2
    a.mov(al, 0).out(PIT_CH0, al).out(PIT_CH0, al); // divisor 65536 (55 ms a period)
    // cal_wmax = CAL_WIDTH_FACTOR * (the narrowest of CAL_WIDTH_SAMPLES brackets) + 1
    a.mov(dword(sym('cal_wmax')), -1).mov(ebp, CAL_WIDTH_SAMPLES);
    a.label('ci_width').call('cal_sample');
    a.cmp(ecx, dword(sym('cal_wmax'))).jae('ci_wider').mov(dword(sym('cal_wmax')), ecx);
    a.label('ci_wider').sub(ebp, 1).jnz('ci_width');
    a.mov(eax, dword(sym('cal_wmax'))).cmp(eax, 0x0fff_ffff).ja('ci_widths'); // absurd widths: accept any
    a.imul(eax, eax, CAL_WIDTH_FACTOR).add(eax, 1).mov(dword(sym('cal_wmax')), eax);
    a.label('ci_widths');
    a.mov(dword(sym('cal_attempts')), CAL_ATTEMPTS);

    // an attempt: the counts elapsed are summed from successive latched counts (modulo 2^16,
    // so any number of readings a period is fine) until they span CALIBRATION_COUNTS
    a.label('ci_attempt').mov(ebp, POLL_LIMIT);
    a.label('ci_start').call('cal_sample').cmp(ecx, dword(sym('cal_wmax'))).jbe('ci_started');
    a.sub(ebp, 1).jnz('ci_start').jmp('ci_fallback');
    a.label('ci_started').mov(edi, eax); // edi = previous count
    a.mov(eax, dword(sym('cal_t1'))).mov(edx, dword(sym('cal_t1').plus(4)));
    a.mov(dword(sym('cal_t0')), eax).mov(dword(sym('cal_t0').plus(4)), edx);
    a.mov(dword(sym('cal_prev')), eax).mov(dword(sym('cal_prev').plus(4)), edx);
    a.mov(dword(sym('clock_counts')), 0).mov(dword(sym('cal_gap')), 0);
    a.label('ci_poll').call('cal_sample');
    a.mov(esi, ecx); // esi = this bracket's width
    a.mov(ebx, dword(sym('cal_t1'))).mov(edx, dword(sym('cal_t1').plus(4)));
    a.sub(ebx, dword(sym('cal_prev'))).sbb(edx, dword(sym('cal_prev').plus(4))); // edx:ebx = the gap since the last poll
    a.test(edx, edx).jz('ci_gap32').mov(ebx, -1);
    a.label('ci_gap32').cmp(ebx, dword(sym('cal_gap'))).jbe('ci_gap_kept').mov(dword(sym('cal_gap')), ebx);
    a.label('ci_gap_kept');
    a.mov(ebx, dword(sym('cal_t1'))).mov(dword(sym('cal_prev')), ebx);
    a.mov(ebx, dword(sym('cal_t1').plus(4))).mov(dword(sym('cal_prev').plus(4)), ebx);
    a.mov(edx, edi).sub(edx, eax).and(edx, 0xffff).add(dword(sym('clock_counts')), edx);
    a.mov(edi, eax);
    a.cmp(dword(sym('clock_counts')), CALIBRATION_COUNTS).jb('ci_more');
    a.cmp(esi, dword(sym('cal_wmax'))).jbe('ci_measured'); // enough counts, and a narrow bracket
    a.label('ci_more').sub(ebp, 1).jnz('ci_poll');
    // No counting PIT: assume v86's TSC rate (10^6 a millisecond) so the clocks still move.
    a.label('ci_fallback');
    a.rdtsc().mov(dword(sym('clock_tsc0')), eax).mov(dword(sym('clock_tsc0').plus(4)), edx);
    a.mov(dword(sym('clock_counts')), PIT_INPUT_HZ);
    a.mov(dword(sym('clock_cycles')), 1e9).mov(dword(sym('clock_cycles').plus(4)), 0);
    a.jmp('ci_program');
    a.label('ci_measured');
    a.mov(eax, dword(sym('cal_t1'))).mov(edx, dword(sym('cal_t1').plus(4)));
    a.mov(dword(sym('clock_tsc0')), eax).mov(dword(sym('clock_tsc0').plus(4)), edx);
    a.sub(eax, dword(sym('cal_t0'))).sbb(edx, dword(sym('cal_t0').plus(4)));
    a.mov(dword(sym('clock_cycles')), eax).mov(dword(sym('clock_cycles').plus(4)), edx);
    // redo the attempt when 4 * the longest gap > the window (edx:eax), attempts permitting
    a.sub(dword(sym('cal_attempts')), 1).jz('ci_program');
    a.mov(ebx, dword(sym('cal_gap'))).xor(ecx, ecx).shld(ecx, ebx, 2).shl(ebx, 2); // ecx:ebx = 4 * gap
    a.cmp(ecx, edx).ja('ci_attempt').jb('ci_program');
    a.cmp(ebx, eax).ja('ci_attempt');
    a.label('ci_program');
    a.mov(al, 0x34).out(PIT_CMD, al);
    a.mov(al, PIT_DIVISOR & 0xff).out(PIT_CH0, al);
    a.mov(al, PIT_DIVISOR >> 8).out(PIT_CH0, al);

    // RTC: wait while an update is in progress, then read the date and time (UTC).
    a.label('ci_rtc').mov(ecx, POLL_LIMIT);
    a.label('ci_uip').mov(al, 0x0a).call('cmos_read').test(al, 0x80).jz('ci_read');
    a.sub(ecx, 1).jnz('ci_uip');
    a.label('ci_read');
    a.rdtsc().mov(dword(sym('clock_rtc_tsc')), eax).mov(dword(sym('clock_rtc_tsc').plus(4)), edx);
    a.mov(al, 0x0b).call('cmos_read').mov(esi, eax); // status B: bit 2 binary, bit 1 24-hour
    const field = (reg: number) => {
      const bin = a.newLabel('ci_bin');
      a.mov(al, reg).call('cmos_read');
      if (reg === 0x04) a.mov(ebx, eax).and(ebx, 0x80).and(eax, 0x7f); // 12-hour PM flag
      a.test(esi, 4).jnz(bin).call('bcd_to_bin');
      a.label(bin).push(eax);
    };
    // pushed in order: seconds, minutes, hours, day, month, year
    for (const reg of [0x00, 0x02, 0x04, 0x07, 0x08, 0x09]) field(reg);
    a.pop(ecx); // year (two digits)
    a.add(ecx, 1900).cmp(ecx, 1970).jae('ci_year').add(ecx, 100);
    a.label('ci_year');
    // days = (y - 1970) * 365 + leap days in [1970, y) + days before the month + (day - 1)
    a.lea(eax, mem({ base: ecx, disp: -1970 })).imul(eax, eax, 365);
    a.lea(edx, mem({ base: ecx, disp: -1969 })).shr(edx, 2).add(eax, edx);
    a.pop(edx); // month 1..12
    a.push(edx);
    a.sub(edx, 1).and(edx, 15).cmp(edx, 11).jbe('ci_month_ok').xor(edx, edx);
    a.label('ci_month_ok').add(eax, dword({ index: edx, scale: 4, disp: sym('clock_month_days') }));
    a.pop(edx);
    a.cmp(edx, 2).jbe('ci_no_leap').test(ecx, 3).jnz('ci_no_leap').add(eax, 1);
    a.label('ci_no_leap');
    a.pop(edx).sub(edx, 1).add(eax, edx); // day of month
    a.imul(eax, eax, 86400);
    a.pop(edx); // hours
    a.test(esi, 2).jnz('ci_24h').test(ebx, ebx).jz('ci_am');
    a.cmp(edx, 12).jne('ci_pm').xor(edx, edx);
    a.label('ci_pm').add(edx, 12).jmp('ci_24h');
    a.label('ci_am').cmp(edx, 12).jne('ci_24h').xor(edx, edx);
    a.label('ci_24h').imul(edx, edx, 3600).add(eax, edx);
    a.pop(edx).imul(edx, edx, 60).add(eax, edx); // minutes
    a.pop(edx).add(eax, edx); // seconds
    a.mov(dword(sym('clock_rtc_secs')), eax);

    a.in(al, 0x21).and(al, 0xfe).out(0x21, al); // unmask IRQ 0
    a.mov(al, 1).out(PORT.mark, al); // the real-time part of the boot is over (layout.ts)
    a.popad().ret();
  });

  // clock_ms_since: ecx = address of a 64-bit TSC value. xmm0 = milliseconds since then
  // (a double). SSE must be enabled. Preserves the GPRs; clobbers xmm1.
  routine(a, 'clock_ms_since', () => {
    a.push(eax).push(edx);
    a.rdtsc().sub(eax, dword(ecx)).sbb(edx, dword(ecx, 4));
    u64ToF64(a, 'cms');
    // ms = cycles * (calibration ms) / (calibration cycles), calibration ms = counts * 1000 / PIT_INPUT_HZ
    a.cvtsi2sd(xmm1, dword(sym('clock_counts'))).mulsd(xmm1, qword(sym('clock_pit_ms'))).mulsd(xmm0, xmm1);
    a.mov(eax, dword(sym('clock_cycles'))).mov(edx, dword(sym('clock_cycles').plus(4)));
    a.sub(esp, 8).movsd(qword(esp), xmm0);
    u64ToF64(a, 'cmc');
    a.movsd(xmm1, xmm0);
    a.movsd(xmm0, qword(esp)).add(esp, 8);
    a.divsd(xmm0, xmm1);
    a.pop(edx).pop(eax).ret();
  });

  // clock_mono_ms: xmm0 = milliseconds since clock_init. clock_wall_ms: xmm0 = milliseconds
  // since 1970-01-01 UTC. Both preserve the GPRs and clobber xmm1.
  routine(a, 'clock_mono_ms', () => {
    a.push(ecx).mov(ecx, sym('clock_tsc0')).call('clock_ms_since').pop(ecx).ret();
  });
  routine(a, 'clock_wall_ms', () => {
    a.push(ecx).mov(ecx, sym('clock_rtc_tsc')).call('clock_ms_since');
    a.cvtsi2sd(xmm1, dword(sym('clock_rtc_secs')));
    a.cmp(dword(sym('clock_rtc_secs')), 0).jge('cwm_pos').addsd(xmm1, qword(sym('clock_2p32')));
    a.label('cwm_pos').mulsd(xmm1, qword(sym('clock_thousand'))).addsd(xmm0, xmm1);
    a.pop(ecx).ret();
  });

  // pit_tick: IRQ 0 (called by trap_dispatch).
  routine(a, 'pit_tick', () => {
    a.add(dword(sym('pit_ticks')), 1).adc(dword(sym('pit_ticks').plus(4)), 0).ret();
  });
}

/** xmm0 = edx:eax as an unsigned 64-bit integer (exact below 2^53). Clobbers xmm1. */
function u64ToF64(a: X86Assembler, tag: string): void {
  const pos = a.newLabel(`${tag}_lo_pos`);
  a.cvtsi2sd(xmm0, edx).mulsd(xmm0, qword(sym('clock_2p32')));
  a.cvtsi2sd(xmm1, eax).test(eax, eax).jns(pos).addsd(xmm1, qword(sym('clock_2p32')));
  a.label(pos).addsd(xmm0, xmm1);
}
