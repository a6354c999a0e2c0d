// The multiboot entry: runs with paging off at physical addresses (.boot section), sizes
// RAM from the multiboot memory map, builds the kernel's PAE tables, turns paging on and
// jumps to the kernel half. Everything here addresses kernel variables by their physical
// address, `phys(label)`, because the kernel half is not mapped yet.

import {
  X86Assembler, al, byte, dword, eax, ebx, ecx, edi, edx, esi, esp, mem, sym, cr0, cr3, cr4, dx, type Ref,
} from '../image-builder/x86/index.ts';
import {
  CR0_PG, CR0_WP, CR4_PAE, CR4_PSE, DIRECT_MAP_MAX, KERNEL_BASE, LARGE_PAGE, MULTIBOOT, PORT, PTE,
} from './layout.ts';

/** The kernel's copy of the command line holds this many bytes, NUL included. */
export const CMDLINE_MAX = 1024;

/** The physical address of a kernel-half label. */
const phys = (label: string): Ref => sym(label).minus(KERNEL_BASE);

export function emitMultibootEntry(a: X86Assembler): void {
  a.section('.boot');
  // The multiboot header must be 4-aligned within the image's first 8 KiB: .boot comes first.
  a.label('multiboot_header');
  a.dd(MULTIBOOT.headerMagic, MULTIBOOT.flags, (-(MULTIBOOT.headerMagic + MULTIBOOT.flags)) >>> 0);

  a.label('boot_entry');
  a.cli().cld();
  // Zero .bss first (not every loader clears memsz beyond filesz); it also holds the stack.
  a.mov(edx, eax); // keep the loader's magic
  a.mov(edi, phys('bss_start')).mov(ecx, sym('bss_end').minus('bss_start')).shr(ecx, 2);
  a.xor(eax, eax).repStos(32);
  a.mov(esp, phys('boot_stack_top'));

  a.cmp(edx, MULTIBOOT.loaderMagic).jne('boot_not_multiboot');
  a.mov(mem(phys('multiboot_info_phys')), ebx);

  a.call('boot_copy_cmdline');
  // ecx = the end of the direct map, kept for the page-directory loop below.
  a.call('boot_ram_top');
  a.mov(mem(phys('ram_top')), ecx);

  // Direct map: kernel PD entry i maps physical i * 2 MiB, global, supervisor-only.
  a.mov(edi, phys('kernel_pd')).xor(eax, eax);
  a.label('boot_fill_pd');
  a.cmp(eax, ecx).jae('boot_pd_done');
  a.mov(edx, eax).or(edx, PTE.P | PTE.RW | PTE.PS | PTE.G);
  a.mov(dword(edi), edx).mov(dword(edi, 4), 0);
  a.add(edi, 8).add(eax, LARGE_PAGE).jmp('boot_fill_pd');
  a.label('boot_pd_done');

  // PDPT[3] is the kernel half. PDPT[0] maps the same directory at 0 for the few
  // instructions between enabling paging and jumping up; the kernel drops it at once.
  // PDPT entries may carry only P (and cache bits): RW/US are reserved there.
  a.mov(eax, phys('kernel_pd')).or(eax, PTE.P);
  a.mov(mem(phys('boot_pdpt')), eax);
  a.mov(mem(phys('boot_pdpt').plus(24)), eax);

  // CR4.PSE as well as PAE: v86 honours 2 MiB pages only with PSE set (CPUs ignore it in PAE mode).
  a.mov(eax, cr4).or(eax, CR4_PAE | CR4_PSE).mov(cr4, eax);
  a.mov(eax, phys('boot_pdpt')).mov(cr3, eax);
  a.mov(eax, cr0).or(eax, CR0_PG | CR0_WP).mov(cr0, eax);
  a.mov(eax, sym('kernel_high_entry')).jmp(eax);

  // boot_ram_top: ebx = multiboot info (physical). Returns ecx = the end of RAM to
  // direct-map: the highest end of an available region below 4 GiB, capped at
  // DIRECT_MAP_MAX, rounded down to a 2 MiB page. Clobbers eax, edx, esi.
  a.label('boot_ram_top');
  a.xor(ecx, ecx);
  a.test(dword(ebx, MULTIBOOT.info.flags), MULTIBOOT.infoFlag.mmap).jz('boot_try_mem');
  a.mov(esi, dword(ebx, MULTIBOOT.info.mmapAddr));
  a.mov(edx, dword(ebx, MULTIBOOT.info.mmapLength)).add(edx, esi);
  a.label('boot_mmap_loop');
  a.cmp(esi, edx).jae('boot_ram_cap');
  // entry: size(4) base(8) length(8) type(4); `size` excludes itself
  a.cmp(dword(esi, 20), 1).jne('boot_mmap_next');
  a.cmp(dword(esi, 8), 0).jne('boot_mmap_next'); // starts above 4 GiB
  a.mov(eax, dword(esi, 4)).add(eax, dword(esi, 12)).jc('boot_mmap_huge');
  a.cmp(dword(esi, 16), 0).jne('boot_mmap_huge');
  a.cmp(eax, ecx).jbe('boot_mmap_next').mov(ecx, eax).jmp('boot_mmap_next');
  a.label('boot_mmap_huge').mov(ecx, DIRECT_MAP_MAX);
  a.label('boot_mmap_next').add(esi, dword(esi)).add(esi, 4).jmp('boot_mmap_loop');
  a.label('boot_try_mem');
  // No map: mem_upper is the KiB of memory above 1 MiB.
  a.test(dword(ebx, MULTIBOOT.info.flags), MULTIBOOT.infoFlag.mem).jz('boot_ram_cap');
  a.mov(ecx, dword(ebx, MULTIBOOT.info.memUpper)).shl(ecx, 10).add(ecx, 0x10_0000);
  a.label('boot_ram_cap');
  a.cmp(ecx, DIRECT_MAP_MAX).jbe('boot_ram_round').mov(ecx, DIRECT_MAP_MAX);
  a.label('boot_ram_round').and(ecx, ~(LARGE_PAGE - 1));
  a.ret();

  // boot_copy_cmdline: ebx = multiboot info (physical). Loaders put the info and the
  // command line wherever they like (QEMU: just past the image, where the kernel's heap
  // goes), so the kernel keeps its own NUL-terminated copy, at most CMDLINE_MAX-1 bytes.
  // Clobbers eax, ecx, esi, edi.
  a.label('boot_copy_cmdline');
  a.test(dword(ebx, MULTIBOOT.info.flags), MULTIBOOT.infoFlag.cmdline).jz('boot_cmdline_done');
  a.mov(esi, dword(ebx, MULTIBOOT.info.cmdline)).mov(edi, phys('boot_cmdline')).mov(ecx, CMDLINE_MAX - 1);
  a.label('boot_cmdline_loop');
  a.mov(al, byte(esi)).test(al, al).jz('boot_cmdline_end');
  a.mov(byte(edi), al).add(esi, 1).add(edi, 1).sub(ecx, 1).jnz('boot_cmdline_loop');
  a.label('boot_cmdline_end').mov(byte(edi), 0);
  a.mov(dword(phys('boot_cmdline_present')), 1);
  a.label('boot_cmdline_done').ret();

  // Not started by a multiboot loader: say so on COM1 and stop.
  a.label('boot_not_multiboot');
  a.mov(esi, sym('boot_msg_not_multiboot'));
  a.label('boot_msg_loop');
  a.mov(dx, PORT.com1).mov(al, byte(esi)).test(al, al).jz('boot_halt');
  a.out(dx, al).add(esi, 1).jmp('boot_msg_loop');
  a.label('boot_halt').cli().hlt().jmp('boot_halt');
  a.label('boot_msg_not_multiboot').asciz('tskern: not started by a multiboot loader; halted\r\n');

  // Page-table roots and the boot stack live in .bss (zeroed above).
  a.section('.bss', { nobits: true });
  a.align(4096).label('kernel_pd').space(4096);
  a.align(32).label('boot_pdpt').space(32);
  a.align(4).label('multiboot_info_phys').space(4);
  a.label('ram_top').space(4);
  a.label('boot_cmdline_present').space(4);
  a.label('boot_cmdline').space(CMDLINE_MAX);
}
