// PCI configuration space through the legacy mechanism #1 (ports 0xCF8/0xCFC): enough to
// find a device by class on bus 0 and read its base address registers. Used today to
// report what the disk controller offers (bus-master DMA needs the IDE function's BAR4).

import { inl, outl } from '../arch/intrinsics.ts';

const CONFIG_ADDRESS = 0xcf8, CONFIG_DATA = 0xcfc;

export interface PciFunction {
  bus: number;
  device: number;
  fn: number;
  vendor: number;
  deviceId: number;
  /** Class, subclass, programming interface. */
  classCode: number;
  subclass: number;
  progIf: number;
}

/** The 32-bit register at `offset` (a multiple of 4) of a function's configuration space. */
export function configRead32(bus: number, device: number, fn: number, offset: number): number {
  outl(CONFIG_ADDRESS, (0x8000_0000 | (bus << 16) | (device << 11) | (fn << 8) | (offset & 0xfc)) >>> 0);
  return inl(CONFIG_DATA);
}

export function configWrite32(bus: number, device: number, fn: number, offset: number, value: number): void {
  outl(CONFIG_ADDRESS, (0x8000_0000 | (bus << 16) | (device << 11) | (fn << 8) | (offset & 0xfc)) >>> 0);
  outl(CONFIG_DATA, value);
}

/** Lets a function master the bus (DMA): the command register's bus-master bit. */
export function enableBusMaster(f: PciFunction): void {
  const cmd = configRead32(f.bus, f.device, f.fn, 0x04);
  configWrite32(f.bus, f.device, f.fn, 0x04, (cmd & 0xffff) | 0x4);
}

/** Every function present on bus 0. */
export function scanBus0(): PciFunction[] {
  const out: PciFunction[] = [];
  for (let device = 0; device < 32; device++) {
    for (let fn = 0; fn < 8; fn++) {
      const id = configRead32(0, device, fn, 0);
      if ((id & 0xffff) === 0xffff) {
        if (fn === 0) break;
        continue;
      }
      const cls = configRead32(0, device, fn, 8);
      out.push({
        bus: 0, device, fn, vendor: id & 0xffff, deviceId: id >>> 16,
        classCode: cls >>> 24, subclass: (cls >>> 16) & 0xff, progIf: (cls >>> 8) & 0xff,
      });
      if (fn === 0 && (configRead32(0, device, 0, 0x0c) & 0x0080_0000) === 0) break; // not multi-function
    }
  }
  return out;
}

/** Base address register `n` (0-5) of a function. */
export function bar(f: PciFunction, n: number): number {
  return configRead32(f.bus, f.device, f.fn, 0x10 + 4 * n);
}

function hex(v: number, digits: number): string {
  let s = (v >>> 0).toString(16);
  while (s.length < digits) s = '0' + s;
  return s;
}

/** "8086:7010 at 00:01.1" */
export function describe(f: PciFunction): string {
  return hex(f.vendor, 4) + ':' + hex(f.deviceId, 4) + ' at ' + hex(f.bus, 2) + ':' + hex(f.device, 2) + '.' + f.fn;
}
