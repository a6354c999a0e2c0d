// Physical-memory and MMU natives in the guest: through the direct map, bounds-checked.
const out = (s: string) => __native.writeStdout(s + '\n');
const hex = (n: number) => n.toString(16);
const cr3 = __native.readCr3();
out('cr3 aligned ' + (cr3 % 32 === 0 && cr3 > 0x100000));
const pdpte3 = __native.physRead32(cr3 + 24);
out('pdpt[3] present ' + ((pdpte3 & 1) === 1) + ', pdpt[0] ' + __native.physRead32(cr3));
const p = 0x0300_0000; // 48 MiB: above the image and the heap in a 64 MiB guest
__native.physWrite32(p, 0xdeadbeef);
out(hex(__native.physRead32(p)) + ' ' + hex(__native.physRead16(p + 1)) + ' ' + hex(__native.physRead8(p + 3)));
__native.physWrite16(p + 4, 0x12345);
__native.physWrite8(p + 6, -1);
out(hex(__native.physRead32(p + 4)));
__native.physWrite32(p + 8, -2);
out(String(__native.physRead32(p + 8)));
__native.physFill(p, 0xab, 4099);
__native.physWrite8(p + 4099, 7);
out(hex(__native.physRead32(p)) + ' ' + hex(__native.physRead32(p + 4092)) + ' ' + hex(__native.physRead8(p + 4098)) + ' ' + __native.physRead8(p + 4099));
__native.physWrite32(p + 100, 0x01020304);
__native.physCopy(p + 8192, p, 4099);
out(hex(__native.physRead32(p + 8192 + 100)) + ' ' + hex(__native.physRead8(p + 8192 + 4098)) + ' ' + __native.physRead8(p + 8192 + 4099));
__native.writeCr3(cr3);
__native.invlpg(0x1234_5000);
out('cr3 again ' + (__native.readCr3() === cr3));
__native.physRead8(0xfff0_0000);
out('not reached');
