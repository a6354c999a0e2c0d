// tsvm's GC heap: the interpreter's two semispaces (boot/interp/runtime.ts, "Collector")
// come from anonymous mmap2 mappings, which the kernel fills with zeroed pages on first
// touch, and grow with the program. After each collection tsvm_heap_policy looks at the
// live data: when it and the pending request take more than half of a semispace, it maps
// a pair of larger semispaces (doubling until they are at most half full), has the
// collector copy once more into one of them, and then drops the old pair, so the heap is
// always two equal spaces and a collection never copies into a smaller one.

import { X86Assembler, dword, eax, ecx, edi, edx, sym } from '../../image-builder/x86/index.ts';
import { routine } from '../asm-util.ts';
import { fatal } from '../interp/runtime.ts';
import { ERR_MIN } from './syscalls.ts';

/** The first semispace size (bytes); each growth doubles it. */
export const TSVM_INITIAL_SEMISPACE = 2 * 1024 * 1024;

const v = (name: string) => dword(sym(name));

export function emitUserHeap(a: X86Assembler): void {
  a.section('.bss', { nobits: true }).align(4);
  a.label('grow_spare').space(4).label('grow_size').space(4);

  // tsvm_heap_init: maps the first two semispaces and sets the collector's variables.
  // Stops tsvm (fatal) if the kernel refuses the memory.
  routine(a, 'tsvm_heap_init', () => {
    a.mov(ecx, TSVM_INITIAL_SEMISPACE).mov(v('heap_half'), ecx);
    a.call('tsvm_mmap_anon').cmp(eax, ERR_MIN).ja('thi_fail');
    a.mov(v('from_base'), eax).mov(v('heap_ptr'), eax).add(eax, ecx).mov(v('from_end'), eax).mov(v('heap_limit'), eax);
    a.call('tsvm_mmap_anon').cmp(eax, ERR_MIN).ja('thi_fail');
    a.mov(v('to_base'), eax).add(eax, ecx).mov(v('to_end'), eax);
    a.ret();
    a.label('thi_fail');
    fatal(a, 'cannot map the heap (mmap2 failed)');
  });

  // tsvm_heap_policy (from gc_collect after a flip): edi = the free pointer in the new
  // from-space, gc_need = the request. Returns eax = 1 when it installed a larger to-space
  // and the collector must copy again, else 0. Preserves every other register.
  routine(a, 'tsvm_heap_policy', () => {
    a.cmp(v('grow_spare'), 0).jne('thp_second');
    a.push(ecx).push(edx);
    a.mov(eax, edi).sub(eax, v('from_base')).add(eax, v('gc_need')).jc('thp_no');
    a.add(eax, eax).jc('thp_no'); // wanted: twice the live data and the request
    a.mov(edx, v('from_end')).sub(edx, v('from_base'));
    a.cmp(eax, edx).jbe('thp_no');
    a.label('thp_double').add(edx, edx).jc('thp_no').cmp(edx, eax).jb('thp_double');
    a.mov(ecx, edx).call('tsvm_mmap_anon').cmp(eax, ERR_MIN).ja('thp_no');
    a.mov(edx, eax); // edx = the new to-space
    a.call('tsvm_mmap_anon').cmp(eax, ERR_MIN).ja('thp_undo');
    a.mov(v('grow_spare'), eax).mov(v('grow_size'), ecx);
    // the old to-space holds only garbage now: unmap it, copy into the new one
    a.mov(eax, v('to_base')).push(ecx).mov(ecx, v('to_end')).sub(ecx, eax).call('tsvm_munmap').pop(ecx);
    a.mov(v('to_base'), edx).add(edx, ecx).mov(v('to_end'), edx);
    a.pop(edx).pop(ecx).mov(eax, 1).ret();
    a.label('thp_undo').mov(eax, edx).call('tsvm_munmap'); // ecx = its size
    a.label('thp_no').pop(edx).pop(ecx).xor(eax, eax).ret();
    // the second copy is done: the old from-space (now to-space) is replaced by the spare
    a.label('thp_second');
    a.push(ecx);
    a.mov(eax, v('to_base')).mov(ecx, v('to_end')).sub(ecx, eax).call('tsvm_munmap');
    a.mov(eax, v('grow_spare')).mov(v('to_base'), eax).add(eax, v('grow_size')).mov(v('to_end'), eax);
    a.mov(eax, v('grow_size')).mov(v('heap_half'), eax);
    a.mov(v('grow_spare'), 0);
    a.pop(ecx).xor(eax, eax).ret();
  });
}
