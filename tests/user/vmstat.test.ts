// vmstat on the guest's console: the minor-fault total of /proc/vmstat grows by at least
// the pages touch-pages touches between two runs, and `vmstat PID` adds that process's own
// minor/major faults (/proc/PID/stat fields 10 and 12).

import { afterAll, beforeAll, expect, test } from 'vitest';
import { Session } from './session.ts';

let s: Session;
beforeAll(async () => { s = await Session.boot(); }, 300_000);
afterAll(async () => { await s?.machine.stop(); });

function figure(out: string, label: string): number {
  const m = new RegExp(`^${label} +(\\d+)$`, 'm').exec(out);
  expect(m, out).not.toBeNull();
  return Number(m![1]);
}

test('vmstat counts the faults of touch-pages; vmstat PID shows one process', async () => {
  const before = await s.run('vmstat');
  for (const label of ['faults', 'minor faults', 'major faults', 'coalesced waits', 'pages read', 'pages written back', 'evictions']) figure(before, label);
  await s.run('touch-pages 64');
  const after = await s.run('vmstat 1');
  expect(figure(after, 'minor faults') - figure(before, 'minor faults')).toBeGreaterThanOrEqual(64);
  expect(figure(after, 'faults')).toBeGreaterThanOrEqual(figure(after, 'minor faults') + figure(after, 'major faults'));
  expect(figure(after, 'major faults')).toBe(0); // no disk: nothing was read
  expect(figure(after, 'pid 1 minor')).toBeGreaterThan(0);
  expect(figure(after, 'pid 1 major')).toBe(0);
}, 180_000);
