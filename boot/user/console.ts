// tsvm's output and exit: stdout_/stderr_putc append to a 4 KiB buffer per stream and
// write(2) it when full and at every flush (the interpreter's string writers flush once per
// string, so console.log is one write); stderr_puts, stderr_put_dec32 (the fatal report),
// tsvm_exit (exit_group after flushing), and cmdline_ptr over the TSVM_OPTIONS environment
// variable, so `TSVM_OPTIONS=gcstress` does what the kernel's command line option does.

import { X86Assembler, al, byte, dword, eax, ebx, ecx, edx, edi, esi, mem, sym } from '../../image-builder/x86/index.ts';
import { routine } from '../asm-util.ts';
import { emitCmdlineHas } from '../cmdline.ts';
import { EINTR, SYS, sys } from './syscalls.ts';

const OUT_BUFFER = 4096;

export function emitConsole(a: X86Assembler): void {
  a.section('.bss', { nobits: true }).align(16);
  for (const fd of [1, 2]) a.label(`out_buf${fd}`).space(OUT_BUFFER).label(`out_len${fd}`).space(4);
  a.label('tsvm_options').space(4);

  for (const [stream, fd] of [['stdout', 1], ['stderr', 2]] as const) {
    const l = (x: string) => `${stream}_${x}`;
    // <stream>_putc: al = byte. Buffered; preserves every register.
    routine(a, l('putc'), () => {
      a.push(ecx);
      a.mov(ecx, dword(sym(`out_len${fd}`)));
      a.mov(byte({ base: ecx, disp: sym(`out_buf${fd}`) }), al);
      a.add(ecx, 1).mov(dword(sym(`out_len${fd}`)), ecx);
      a.cmp(ecx, OUT_BUFFER).jb(l('putc_done')).call(l('flush'));
      a.label(l('putc_done')).pop(ecx).ret();
    });
    // <stream>_flush: write the buffer out (retrying short writes and EINTR; an error
    // drops the rest, as nothing could report it). Preserves every register.
    routine(a, l('flush'), () => {
      a.pushad();
      a.xor(edi, edi); // bytes written
      a.label(l('fl_loop')).mov(edx, dword(sym(`out_len${fd}`))).sub(edx, edi).jbe(l('fl_done'));
      a.mov(ebx, fd).lea(ecx, mem({ base: edi, disp: sym(`out_buf${fd}`) }));
      sys(a, SYS.write);
      a.cmp(eax, -EINTR >>> 0).je(l('fl_loop'));
      a.test(eax, eax).jle(l('fl_done'));
      a.add(edi, eax).jmp(l('fl_loop'));
      a.label(l('fl_done')).mov(dword(sym(`out_len${fd}`)), 0);
      a.popad().ret();
    });
  }

  // stderr_puts: esi = NUL-terminated text, to stderr (flushed). Preserves all registers.
  routine(a, 'stderr_puts', () => {
    a.push(eax).push(esi);
    a.label('tsp_loop').mov(al, byte(esi)).test(al, al).jz('tsp_done');
    a.call('stderr_putc').add(esi, 1).jmp('tsp_loop');
    a.label('tsp_done').call('stderr_flush').pop(esi).pop(eax).ret();
  });
  // stderr_put_dec32: eax = unsigned number, in decimal to stderr (buffered). Preserves all.
  routine(a, 'stderr_put_dec32', () => {
    a.pushad();
    a.mov(ecx, 10).xor(ebx, ebx);
    a.label('spd_div').xor(edx, edx).div(ecx).push(edx).add(ebx, 1).test(eax, eax).jnz('spd_div');
    a.label('spd_out').pop(eax).add(al, 0x30).call('stderr_putc').sub(ebx, 1).jnz('spd_out');
    a.popad().ret();
  });

  // tsvm_exit: al = status. Flushes both streams and ends the process (exit_group).
  routine(a, 'tsvm_exit', () => {
    a.call('stdout_flush').call('stderr_flush');
    a.movzx(ebx, al);
    sys(a, SYS.exit_group);
    a.jmp('tsvm_exit'); // not reached
  });
  // tsvm_program_done: the entry function returned (after the event loop): status 0.
  routine(a, 'tsvm_program_done', () => {
    a.mov(al, 0).jmp('tsvm_exit');
  });

  // cmdline_ptr: eax = the value of TSVM_OPTIONS (set by _start), or 0.
  routine(a, 'cmdline_ptr', () => {
    a.mov(eax, dword(sym('tsvm_options'))).ret();
  });
  emitCmdlineHas(a);
}
