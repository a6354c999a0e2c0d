// tsvm's entry point and program loader. Linux starts `_start` with its initial stack:
// [esp] = argc, then argv[0..argc-1], NULL, envp..., NULL, the auxiliary vector. tsvm keeps
// argv and envp for the processStrings native, takes TSVM_OPTIONS from the environment,
// maps or reads argv[1] (a .tsbc container, optionally after a `#!...` line so that an
// executable bytecode file runs through execve) at TSBC_BASE, where the interpreter's code
// expects `tsbc_image`, checks its header and starts the interpreter.

import { X86Assembler, al, byte, dword, eax, ebp, ebx, ecx, edi, edx, esi, esp, mem, sym, word } from '../../image-builder/x86/index.ts';
import { cstring, routine } from '../asm-util.ts';
import { CONTAINER_OFFSET, HEADER_SIZE, TSBC_MAGIC, TSBC_VERSION } from '../../image-builder/bytecode/index.ts';
import { EINTR, ERR_MIN, MAP_ANONYMOUS, MAP_FIXED, MAP_PRIVATE, PROT_READ, PROT_WRITE, SYS, sys } from './syscalls.ts';

/** Where tsvm puts the program: a fixed address (MAP_FIXED), since the interpreter's code refers to `tsbc_image` as a constant. */
export const TSBC_BASE = 0x20000000;
/** The largest program file tsvm loads. */
export const TSBC_MAX = 256 * 1024 * 1024;
/** Exit statuses of tsvm itself: bad usage, a program it cannot load. */
export const TSVM_USAGE_STATUS = 2;
export const TSVM_LOAD_STATUS = 1;

const OPTIONS_VAR = 'TSVM_OPTIONS=';
const ERRNO_TEXT: [number, string][] = [
  [2, 'No such file or directory'], [13, 'Permission denied'], [20, 'Not a directory'],
  [21, 'Is a directory'], [12, 'Cannot allocate memory'], [24, 'Too many open files'],
];

const v = (name: string) => dword(sym(name));

export function emitUserEntry(a: X86Assembler): void {
  a.equ('tsbc_image', TSBC_BASE);
  a.section('.bss', { nobits: true }).align(4);
  for (const name of ['tsvm_argc', 'tsvm_argv', 'tsvm_envp', 'load_fd', 'load_size', 'load_got', 'load_path', 'load_map_len']) a.label(name).space(4);

  routine(a, '_start', () => {
    a.xor(ebp, ebp).cld();
    a.mov(eax, dword(esp)).mov(v('tsvm_argc'), eax);
    a.lea(edx, mem(esp, 4)).mov(v('tsvm_argv'), edx);
    a.lea(ecx, mem({ base: edx, index: eax, scale: 4, disp: 4 })).mov(v('tsvm_envp'), ecx);
    // TSVM_OPTIONS=...: the options word list for cmdline_has
    a.label('st_env').mov(esi, dword(ecx)).test(esi, esi).jz('st_env_done');
    a.mov(edi, sym(cstring(a, OPTIONS_VAR)));
    a.label('st_cmp').mov(al, byte(edi)).test(al, al).jz('st_env_found');
    a.cmp(al, byte(esi)).jne('st_env_next').add(esi, 1).add(edi, 1).jmp('st_cmp');
    a.label('st_env_found').mov(v('tsvm_options'), esi).jmp('st_env_done');
    a.label('st_env_next').add(ecx, 4).jmp('st_env');
    a.label('st_env_done');
    a.call('tsvm_clock_init');
    a.cmp(v('tsvm_argc'), 2).jb('st_usage');
    a.mov(eax, v('tsvm_argv')).mov(eax, dword(eax, 4)).mov(v('load_path'), eax);
    a.call('tsvm_load_program');
    a.jmp('interp_start');
    a.label('st_usage');
    a.mov(esi, sym(cstring(a, 'usage: tsvm PROGRAM.tsbc [ARGS...]\n'))).call('stderr_puts');
    a.mov(al, TSVM_USAGE_STATUS).jmp('tsvm_exit');
  });

  // tsvm_load_program: load_path = the file. Reads it to TSBC_BASE, drops a leading `#!`
  // line, checks the header; on any failure prints "tsvm: PATH: reason" and exits 1.
  routine(a, 'tsvm_load_program', () => {
    const fail = (text: string) => a.mov(esi, sym(cstring(a, text))).jmp('lp_fail');
    a.mov(ebx, v('load_path')).xor(ecx, ecx).xor(edx, edx); // O_RDONLY
    sys(a, SYS.open);
    a.cmp(eax, ERR_MIN).ja('lp_errno');
    a.mov(v('load_fd'), eax);
    a.mov(ebx, eax).xor(ecx, ecx).mov(edx, 2); // SEEK_END: the size
    sys(a, SYS.lseek);
    a.cmp(eax, ERR_MIN).ja('lp_errno');
    a.cmp(eax, TSBC_MAX).ja('lp_too_big');
    a.mov(v('load_size'), eax);
    // A file as `tskern compile` writes it (withShebang: the `#!` line, NULs, the container
    // at offset 4096) is mapped MAP_PRIVATE one page below TSBC_BASE, so the container lands
    // there: its pages are the page cache's frames, shared by every process running it,
    // faulted in only when touched (a store copies the page). Any other file is read.
    a.cmp(eax, CONTAINER_OFFSET + HEADER_SIZE).jb('lp_read_file');
    a.lea(ecx, mem(eax, 0xfff)).and(ecx, ~0xfff).mov(v('load_map_len'), ecx);
    a.mov(ebx, TSBC_BASE - CONTAINER_OFFSET).mov(edx, PROT_READ | PROT_WRITE).mov(esi, MAP_PRIVATE | MAP_FIXED);
    a.mov(edi, v('load_fd')).xor(ebp, ebp);
    sys(a, SYS.mmap2);
    a.xor(ebp, ebp);
    a.cmp(eax, TSBC_BASE - CONTAINER_OFFSET).jne('lp_read_file'); // not mappable: read it
    a.cmp(word(TSBC_BASE - CONTAINER_OFFSET), 0x2123).jne('lp_unmap'); // "#!"
    a.xor(edx, edx);
    a.label('lp_map_nl').cmp(edx, CONTAINER_OFFSET).jae('lp_unmap');
    a.cmp(byte({ base: edx, disp: TSBC_BASE - CONTAINER_OFFSET }), 0x0a).je('lp_map_pad').add(edx, 1).jmp('lp_map_nl');
    a.label('lp_map_pad').add(edx, 1);
    a.label('lp_map_nul').cmp(edx, CONTAINER_OFFSET).jae('lp_mapped');
    a.cmp(byte({ base: edx, disp: TSBC_BASE - CONTAINER_OFFSET }), 0).jne('lp_unmap').add(edx, 1).jmp('lp_map_nul');
    a.label('lp_mapped');
    a.mov(eax, v('load_size')).sub(eax, CONTAINER_OFFSET).mov(v('load_got'), eax);
    a.mov(ebx, v('load_fd'));
    sys(a, SYS.close);
    a.jmp('lp_check');
    a.label('lp_unmap');
    a.mov(ebx, TSBC_BASE - CONTAINER_OFFSET).mov(ecx, v('load_map_len'));
    sys(a, SYS.munmap);
    a.label('lp_read_file');
    a.mov(ebx, v('load_fd')).xor(ecx, ecx).xor(edx, edx); // SEEK_SET
    sys(a, SYS.lseek);
    a.cmp(eax, ERR_MIN).ja('lp_errno');
    // the mapping: at least a page, so an empty file still reads as "too short"
    a.mov(ecx, v('load_size')).add(ecx, 0x1000).and(ecx, ~0xfff);
    a.mov(ebx, TSBC_BASE).mov(edx, PROT_READ | PROT_WRITE).mov(esi, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED);
    a.mov(edi, -1).xor(ebp, ebp);
    sys(a, SYS.mmap2);
    a.xor(ebp, ebp);
    a.cmp(eax, TSBC_BASE).jne('lp_errno');
    // read it all (short reads and EINTR go round again; 0 is the end)
    a.mov(v('load_got'), 0);
    a.label('lp_read').mov(edx, v('load_size')).sub(edx, v('load_got')).jz('lp_read_done');
    a.mov(ebx, v('load_fd')).mov(ecx, TSBC_BASE).add(ecx, v('load_got'));
    sys(a, SYS.read);
    a.cmp(eax, -EINTR >>> 0).je('lp_read');
    a.cmp(eax, ERR_MIN).ja('lp_errno');
    a.test(eax, eax).jz('lp_read_done');
    a.add(v('load_got'), eax).jmp('lp_read');
    a.label('lp_read_done');
    a.mov(ebx, v('load_fd'));
    sys(a, SYS.close);
    // `#!...\n`: move the container down to TSBC_BASE
    a.mov(ecx, v('load_got'));
    a.cmp(ecx, 2).jb('lp_check');
    a.cmp(word(sym('tsbc_image')), 0x2123).jne('lp_check'); // "#!"
    a.xor(edx, edx);
    a.label('lp_nl').cmp(edx, ecx).jae('lp_no_nl');
    a.cmp(byte({ base: edx, disp: TSBC_BASE }), 0x0a).je('lp_nl_found').add(edx, 1).jmp('lp_nl');
    a.label('lp_nl_found').add(edx, 1);
    // NULs after the line pad the container to CONTAINER_OFFSET (withShebang); stripShebang skips them too
    a.label('lp_nul').cmp(edx, ecx).jae('lp_nul_done');
    a.cmp(byte({ base: edx, disp: TSBC_BASE }), 0).jne('lp_nul_done').add(edx, 1).jmp('lp_nul');
    a.label('lp_nul_done').sub(ecx, edx).mov(v('load_got'), ecx);
    a.lea(esi, mem(edx, TSBC_BASE)).mov(edi, TSBC_BASE).repMovs(8); // forward copy, dst below src
    a.label('lp_check');
    a.mov(ecx, v('load_got'));
    a.cmp(ecx, HEADER_SIZE).jb('lp_short');
    a.cmp(dword(TSBC_BASE), TSBC_MAGIC).jne('lp_magic');
    a.cmp(word(TSBC_BASE + 4), TSBC_VERSION).jne('lp_version');
    a.cmp(dword(TSBC_BASE + 24), ecx).jne('lp_size');
    a.mov(eax, dword(TSBC_BASE + 20)).cmp(eax, dword(TSBC_BASE + 8)).jae('lp_entry');
    a.ret();
    a.label('lp_no_nl'); fail('the #! line does not end');
    a.label('lp_short'); fail('too short for a tskern bytecode module');
    a.label('lp_magic'); fail('not a tskern bytecode module (bad magic)');
    a.label('lp_version'); fail(`not bytecode version ${TSBC_VERSION}`);
    a.label('lp_size'); fail('truncated or damaged (the header gives another size)');
    a.label('lp_entry'); fail('damaged (no such entry function)');
    a.label('lp_too_big'); fail(`larger than ${TSBC_MAX >> 20} MiB`);
    a.label('lp_errno').neg(eax);
    for (const [errno, text] of ERRNO_TEXT) {
      a.mov(esi, sym(cstring(a, text))).cmp(eax, errno).je('lp_fail');
    }
    a.mov(esi, sym(cstring(a, 'tsvm: '))).call('stderr_puts');
    a.mov(esi, v('load_path')).call('stderr_puts');
    a.mov(esi, sym(cstring(a, ': error '))).call('stderr_puts');
    a.call('stderr_put_dec32');
    a.mov(esi, sym(cstring(a, '\n'))).call('stderr_puts');
    a.mov(al, TSVM_LOAD_STATUS).jmp('tsvm_exit');
    a.label('lp_fail'); // esi = the reason
    a.push(esi);
    a.mov(esi, sym(cstring(a, 'tsvm: '))).call('stderr_puts');
    a.mov(esi, v('load_path')).call('stderr_puts');
    a.mov(esi, sym(cstring(a, ': '))).call('stderr_puts');
    a.pop(esi).call('stderr_puts');
    a.mov(esi, sym(cstring(a, '\n'))).call('stderr_puts');
    a.mov(al, TSVM_LOAD_STATUS).jmp('tsvm_exit');
  });
}
