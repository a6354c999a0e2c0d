// The shell and the tools on the guest's console, in one boot: pipes, redirection, a
// background job, ^C ending the foreground job while the shell goes on, a crashing program
// reported as killed by SIGSEGV, and ls, ps, pmap, free, touch-pages, cow-demo checked
// against facts the test knows (files it made, the shell's pid, /proc's own figures).

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Session } from './session.ts';
import { readChannel } from '../../host/inspect/channel.ts';
import { inspectSpace } from '../../host/inspect/inspect.ts';
import { parseMaps } from '../../host/inspect/maps.ts';

let s: Session;
beforeAll(async () => { s = await Session.boot(); }, 300_000);
afterAll(async () => { await s?.machine.stop(); });

const T = 180_000;

describe('the shell', () => {
  test('a pipe carries echo into cat; quotes join words', async () => {
    expect(await s.run(`echo 'pi''pe'-ok "two  spaces" | cat`)).toBe('pipe-ok two  spaces\n');
  }, T);

  test('> writes, >> appends and < reads a file in /tmp', async () => {
    expect(await s.run('echo first > /tmp/r.txt')).toBe('');
    expect(await s.run('echo second >> /tmp/r.txt')).toBe('');
    expect(await s.run('cat < /tmp/r.txt')).toBe('first\nsecond\n');
    expect(await s.run('echo again > /tmp/r.txt; cat /tmp/r.txt')).toBe('again\n');
  }, T);

  test('$? is the last status; a missing program is 127', async () => {
    expect(await s.run('no-such-program')).toBe('sh: no-such-program: command not found\n');
    expect(await s.run('echo $?')).toBe('127\n');
    expect(await s.run('cat /no/such/file; echo $?')).toBe('cat: /no/such/file: No such file or directory\n1\n');
  }, T);

  test('cd changes the directory and the prompt', async () => {
    expect(await s.run('cd /tmp', '/tmp')).toBe('');
    expect(await s.run('cat r.txt', '/tmp')).toBe('again\n');
    expect(await s.run('cd /')).toBe('');
  }, T);

  test('a background job runs while the shell takes commands, and is reported when done', async () => {
    const started = await s.run('sleep 2 &');
    const m = /^\[1\] (\d+)\n$/.exec(started);
    expect(m, started).not.toBeNull();
    const pid = Number(m![1]);
    const ps = await s.run('ps');
    const row = ps.split('\n').find((l) => l.trim().startsWith(`${pid} `));
    expect(row, ps).toMatch(/\/bin\/sleep 2$/);
    // the job ends while this one runs; its report comes before the next prompt
    expect(await s.run('sleep 3')).toMatch(/^\[1\]\+  Done +sleep 2\n$/);
  }, T);

  test('^C ends the foreground job; the shell survives and goes on', async () => {
    s.send('cat\r');
    await s.until('cat\n');
    s.send('are you there\r');
    await s.until('are you there\r\n'); // the terminal's echo (canonical mode: ONLCR-style)
    await s.until('are you there\n'); // cat's copy: cat runs
    s.send('\x03');
    await s.until('^C');
    await s.until('tskern:/$ ');
    expect(await s.run('echo $?')).toBe('130\n');
  }, T);

  test('job control: ^Z stops the foreground job, jobs lists it Stopped, bg and fg continue it', async () => {
    const P = 'tskern:/$ ';
    // ^Z until the job has the terminal (it sets its process group as the foreground first)
    const stop = async (line: string) => {
      s.send(line + '\r');
      await s.until(line + '\n');
      for (let i = 0; i < 60; i++) {
        s.send('\x1a');
        try {
          return await s.until(`Stopped                 ${line}\n${P}`, 2_000);
        } catch { /* not yet */ }
      }
      throw new Error('the job never stopped');
    };
    expect(await stop('sleep 100000')).toMatch(/^(\^Z\n)+\[1\]\+  Stopped                 sleep 100000\n/);
    expect(await s.run('echo $?')).toBe('148\n');
    expect(await s.run('jobs')).toBe('[1]+  Stopped                 sleep 100000\n');
    const row = (ps: string) => ps.split('\n').find((l) => / \/bin\/tsvm \/bin\/sleep 100000$/.test(l)) ?? '';
    const pid = Number(row(await s.run('ps')).trim().split(/ +/)[0]);
    expect(pid).toBeGreaterThan(1);
    expect(await s.run(`cat /proc/${pid}/status`)).toContain('State:\tT (stopped)\n');
    expect(await s.run('bg')).toBe('[1]+ sleep 100000 &\n');
    expect(await s.run('jobs')).toBe('[1]+  Running                 sleep 100000\n');
    expect(row(await s.run('ps')).trim().split(/ +/)[3]).toBe('S');
    // a stop and a kill from outside are reported before a prompt (once the process acted on them)
    const until = async (first: string, want: string) => {
      let seen = await s.run(first);
      for (let i = 0; i < 20 && !seen.includes(want); i++) seen += await s.run('jobs');
      return seen;
    };
    expect(await until(`kill -STOP ${pid}`, 'Stopped')).toContain('[1]+  Stopped                 sleep 100000\n');
    expect(await until(`kill -KILL ${pid}`, 'Killed')).toContain('[1]+  Killed                  sleep 100000\n');
    expect(await s.run('jobs')).toBe('');

    // fg: a stopped cat gets the terminal again and its read goes on (restarted, no EINTR)
    await stop('cat');
    s.send('fg\r');
    await s.until('fg\ncat\n'); // the shell names the job it continues
    s.send('after fg\r');
    await s.until('after fg\r\n'); // the terminal's echo (cat reads in canonical mode)
    await s.until('after fg\n'); // cat's copy
    s.send('\x04'); // end of cat's input
    await s.until(P);
    expect(await s.run('echo $?')).toBe('0\n');
    expect(await s.run('jobs')).toBe('');

    // a background job that reads the terminal is stopped (SIGTTIN) instead of taking the
    // shell's input; fg gives it the terminal and its read goes on
    expect(await s.run('cat &')).toMatch(/^\[1\] \d+\n$/);
    let seen = '';
    for (let i = 0; i < 20 && !seen.includes('Stopped'); i++) seen += await s.run('jobs');
    expect(seen).toContain('[1]+  Stopped                 cat\n');
    expect(await s.run('echo the shell still reads')).toBe('the shell still reads\n');
    s.send('fg\r');
    await s.until('fg\ncat\n');
    s.send('to the job\r');
    await s.until('to the job\r\n');
    await s.until('to the job\n');
    s.send('\x04');
    await s.until(P);
    expect(await s.run('jobs')).toBe('');
  }, T);

  test('line editing: backspace, left arrow and insert, history with up arrow', async () => {
    const P = 'tskern:/$ ';
    s.send('echo helXo\x7f\x7flo\r'); // "helXo", two backspaces, "lo": echo hello
    // (editing in the middle redraws the line, prompt included: wait for the output and the next prompt)
    expect(await s.until(`\nhello\n${P}`, 30_000)).toContain('hello');
    s.send('echo wrld\x1b[D\x1b[D\x1b[Do\r'); // three left, insert "o": echo world
    expect(await s.until(`\nworld\n${P}`, 30_000)).toContain('world');
    s.send('\x1b[A\x1b[A\x1b[B\r'); // up twice (echo hello), down once (echo world)
    expect(await s.until(`\nworld\n${P}`, 30_000)).toContain('world');
    s.send('\x1b[A\x1b[A\r'); // the repeated "echo world" was not stored again: up twice is "echo hello"
    // (editing in the middle redraws the line, prompt included: wait for the output and the next prompt)
    expect(await s.until(`\nhello\n${P}`, 30_000)).toContain('hello');
  }, T);

  test('a program killed by SIGSEGV is reported as a segmentation fault', async () => {
    // the kernel logs the fault on the console (as Linux's dmesg line); the shell reports the death
    const lines = (await s.run('crash')).split('\n');
    expect(lines.filter((l) => !l.startsWith('tskern: '))).toEqual(['Segmentation fault', '']);
    expect(lines[0]).toMatch(/^tskern: tsvm\[\d+\]: segfault .* at 0x00000010 /);
    expect(await s.run('echo $?')).toBe('139\n');
    expect(await s.run('echo still here')).toBe('still here\n');
  }, T);
});

describe('the tools', () => {
  test('mkdir, ls -l, cp, rm on files the test made', async () => {
    expect(await s.run('mkdir /tmp/d')).toBe('');
    expect(await s.run('echo hello > /tmp/d/one')).toBe('');
    expect(await s.run('cp /tmp/d/one /tmp/d/two')).toBe('');
    expect(await s.run('ls /tmp/d')).toBe('one\ntwo\n');
    const long = (await s.run('ls -l /tmp/d')).split('\n').filter((l) => l !== '');
    expect(long).toHaveLength(2);
    for (const [line, name] of long.map((l, i) => [l, ['one', 'two'][i]])) expect(line).toMatch(new RegExp(`^-rw-r--r-- +1 +6 +\\d+ ${name}$`));
    expect(await s.run('rm /tmp/d/one; ls /tmp/d')).toBe('two\n');
    expect(await s.run('ls /bin')).toContain('tsvm\n');
  }, T);

  test('ps lists the shell (its own pid from $$) under init, and init as pid 1', async () => {
    const shellPid = Number((await s.run('echo $$')).trim());
    expect(shellPid).toBeGreaterThan(1);
    const rows = (await s.run('ps')).split('\n').slice(1).filter((l) => l !== '').map((l) => l.trim().split(/ +/));
    const byPid = new Map(rows.map((r) => [Number(r[0]), r]));
    expect(byPid.get(1)?.slice(6).join(' ')).toBe('/bin/tsvm /sbin/init');
    expect(byPid.get(shellPid)?.[1]).toBe('1');
    expect(byPid.get(shellPid)?.slice(6).join(' ')).toBe('/bin/tsvm /bin/sh');
  }, T);

  test('pmap shows every mapping of /proc/PID/maps with its size', async () => {
    const pid = Number((await s.run('echo $$')).trim());
    const maps = (await s.run(`cat /proc/${pid}/maps`)).split('\n').filter((l) => l !== '');
    const pmap = (await s.run(`pmap ${pid}`)).split('\n').filter((l) => l !== '');
    expect(pmap[0]).toBe(`${pid}:`);
    const rows = pmap.slice(2, -1);
    expect(rows).toHaveLength(maps.length);
    let total = 0;
    maps.forEach((line, i) => {
      const [range, perms] = line.split(/ +/);
      const [lo, hi] = range.split('-').map((h) => parseInt(h, 16));
      const kb = (hi - lo) / 1024;
      total += kb;
      expect(rows[i]).toMatch(new RegExp(`^${range.split('-')[0]} +${kb} ${perms}  `));
    });
    expect(pmap[pmap.length - 1]).toBe(`total ${String(total).padStart(7)}K`);
  }, T);

  test('tsvm maps its program from the page cache: /bin/sh one page below 0x20000000, pages shared read-only', async () => {
    const pid = Number((await s.run('echo $$')).trim());
    const maps = (await s.run(`cat /proc/${pid}/maps`)).split('\n');
    // the `#!` page and the container after it: a private mapping of the file from offset 0
    const line = maps.find((l) => l.startsWith('1ffff000-'));
    expect(line, maps.join('\n')).toMatch(/^1ffff000-[0-9a-f]{8} rw-p 00000000 00:01 \d+ +\/bin\/sh$/);
    // a page the interpreter read: the file's own frame (the cache's reference and this one at least), not writable
    const out = await s.run(`pt ${pid} 0x20000000`);
    const pte = /^PT\[0\] +0x[0-9a-f]{16}  (.*)$/m.exec(out);
    expect(pte, out).not.toBeNull();
    expect(pte![1].split(' '), out).toContain('P');
    expect(pte![1].split(' '), out).not.toContain('RW');
    const frame = /^frame +0x([0-9a-f]{8})  refcount (\d+)$/m.exec(out);
    expect(frame, out).not.toBeNull();
    expect(Number(frame![2])).toBeGreaterThanOrEqual(2);
  }, T);

  test('free shows /proc/meminfo in kB', async () => {
    const info = new Map((await s.run('cat /proc/meminfo')).split('\n').filter((l) => l).map((l) => [l.split(':')[0], parseInt(l.split(':')[1], 10)]));
    const row = (await s.run('free')).split('\n')[1].split(/ +/);
    expect(row[0]).toBe('Mem:');
    const [total, used, free] = row.slice(1).map(Number);
    expect(total).toBe(info.get('MemTotal'));
    expect(used + free).toBe(total);
    // other commands ran between the two reads: the free figure moved a little at most
    expect(Math.abs(free - info.get('MemFree')!)).toBeLessThan(total / 20);
  }, T);

  test('touch-pages counts a demand-zero fault per page touched', async () => {
    // the interpreter's own heap faults too, so compare two sizes: 80 more pages, 80 more faults at least
    const faults = async (n: number) => {
      const out = await s.run(`touch-pages ${n}`);
      const m = new RegExp(`minor faults after: +\\d+ \\(\\+(\\d+) for ${n} pages\\)`).exec(out);
      expect(m, out).not.toBeNull();
      return Number(m![1]);
    };
    const small = await faults(40), large = await faults(120);
    expect(small).toBeGreaterThanOrEqual(40);
    expect(large).toBeGreaterThanOrEqual(120);
    expect(large - small).toBeGreaterThanOrEqual(80);
  }, T);

  test('cow-demo: the child write faults and gets its own copy; the parent keeps its page', async () => {
    const out = await s.run('cow-demo');
    expect(out).toMatch(/child +\d+: faults before write \d+, after \d+ \(\+[1-9]\d*: the copy-on-write fault\)/);
    expect(out).toMatch(/child +\d+: page says "child!"/);
    expect(out).toMatch(/parent \d+: page still says "parent"/);
  }, T);

  test('share-demo: two processes map one file MAP_SHARED and each sees the other\'s store', async () => {
    const lines = (await s.run('share-demo /tmp/shared')).split('\n');
    const p = /^parent (\d+): mapped \/tmp\/shared shared at 0x[0-9a-f]+, wrote "hello from parent (\d+)" at offset 0$/.exec(lines[0]);
    expect(p, lines.join('\n')).not.toBeNull();
    expect(p![2]).toBe(p![1]);
    const c = /^child  (\d+): mapped \/tmp\/shared shared at 0x[0-9a-f]+, offset 0 reads "hello from parent (\d+)"$/.exec(lines[1]);
    expect(c, lines.join('\n')).not.toBeNull();
    expect(c![2]).toBe(p![1]); // the child's own mapping shows the parent's store
    expect(lines.slice(2)).toEqual([
      `child  ${c![1]}: wrote "hello from child ${c![1]}" at offset 2048`,
      `parent ${p![1]}: offset 2048 reads "hello from child ${c![1]}"`, // and the parent's shows the child's
      `read(2) of /tmp/shared at offset 2048: "hello from child ${c![1]}"`,
      '',
    ]);
    // the file itself holds both stores (the page cache is the mapped frame)
    const bytes = await s.run('cat /tmp/shared');
    expect(bytes.startsWith(`hello from parent ${p![1]}\0`)).toBe(true);
    expect(bytes.slice(2048).startsWith(`hello from child ${c![1]}\0`)).toBe(true);
  }, T);

  test('pt walks the page tables: absent, the zero page, copy-on-write read-only with refcount 2 after fork', async () => {
    expect(await s.run('fork-pages 100000 > /tmp/fp &')).toMatch(/^\[\d+\] \d+\n$/);
    let line = '';
    for (let i = 0; i < 30 && !line.startsWith('parent'); i++) line = await s.run('cat /tmp/fp');
    const m = /^parent (\d+) child (\d+) area 0x([0-9a-f]+):/.exec(line);
    expect(m, line).not.toBeNull();
    const [parent, child, base] = [Number(m![1]), Number(m![2]), parseInt(m![3], 16)];
    const hex = (v: number) => '0x' + v.toString(16);
    const walk = async (pid: number, va: number) => {
      const out = await s.run(`pt ${pid} ${hex(va)}`);
      const lines = out.split('\n');
      // (the area may have merged with a neighbouring anonymous one: it holds the four pages)
      const head = new RegExp(`^pid ${pid} address 0x${va.toString(16).padStart(8, '0')} \\(area ([0-9a-f]+)-([0-9a-f]+) rw-p\\)$`).exec(lines[0]);
      expect(head, out).not.toBeNull();
      expect(parseInt(head![1], 16)).toBeLessThanOrEqual(base);
      expect(parseInt(head![2], 16)).toBeGreaterThanOrEqual(base + 0x4000);
      expect(lines[1], out).toMatch(new RegExp(`^PDPT\\[${va >>> 30}\\] +0x[0-9a-f]{16}  P$`));
      return { out, pt: /^PT\[(\d+)\] +0x([0-9a-f]{16})  (.*)$/m.exec(out), frame: /^frame +0x([0-9a-f]{8})( \(the zero page\))?  refcount (\d+)$/m.exec(out) };
    };
    // the host's own walk of the same tables (the inspect channel, read from guest memory).
    // The kernel republishes a space's areas paced by the publishing's own cost (a few tens
    // of ms after a change), so the reader waits until the space's maps text holds the area
    // of `va` (fork-pages' area) before classifying.
    const hostPage = async (pid: number, va: number) => {
      const read = (addr: number, len: number) => s.machine.readPhys(addr, len);
      const holds = (maps: string) => parseMaps(maps).some((e) => e.start <= va && va < e.end);
      for (let waited = 0; ; waited += 50) {
        const snapshot = readChannel(read, s.machine.inspectChannel()!);
        const space = snapshot.spaces.find((sp) => sp.pid === pid);
        if ((space && holds(space.maps)) || waited >= 10_000) {
          expect(space, `pid ${pid} published`).toBeDefined();
          expect(holds(space!.maps), `pid ${pid}'s area of ${hex(va)} published within 10 s:\n${space!.maps}`).toBe(true);
          return inspectSpace(read, snapshot, space!).pages.find((pg) => pg.va === va);
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    };

    // page 0: written, then shared by fork: present, user, dirty, but read-only, two references
    const frames: string[] = [];
    for (const pid of [parent, child]) {
      const w = await walk(pid, base);
      expect(w.pt, w.out).not.toBeNull();
      expect(w.pt![1]).toBe(String((base >>> 12) & 0x1ff));
      const bits = w.pt![3].split(' ');
      expect(bits, w.out).toContain('P');
      expect(bits, w.out).toContain('US');
      expect(bits, w.out).not.toContain('RW');
      expect(w.frame, w.out).not.toBeNull();
      expect(w.frame![2]).toBeUndefined();
      expect(w.frame![3]).toBe('2');
      frames.push(w.frame![1]);
      const host = await hostPage(pid, base);
      expect(host?.kind).toBe('cow');
      expect(host?.pte.toString(16).padStart(8, '0')).toBe(w.pt![2].slice(8));
      expect(host?.count).toBe(2);
    }
    expect(frames[0]).toBe(frames[1]);
    expect(parseInt(frames[0], 16)).toBe((await hostPage(parent, base))?.frame);

    // page 1: only read: the shared zero page, read-only
    const z = await walk(parent, base + 0x1000);
    expect(z.frame?.[2], z.out).toBe(' (the zero page)');
    expect(z.pt![3].split(' ')).not.toContain('RW');
    expect((await hostPage(parent, base + 0x1000))?.kind).toBe('zero');

    // page 2: never touched: no PTE (its page table exists for pages 0 and 1 unless the area crosses 2 MiB)
    const a = await walk(parent, base + 0x2000);
    expect(a.out).toMatch(/^(PT\[\d+\] +0x0{16}  -\npage +not present|PT +not present \(no page table\))$/m);
    expect(a.frame).toBeNull();
    expect(await hostPage(parent, base + 0x2000)).toBeUndefined();

    // bad input: a clear error, never a crash
    expect(await s.run('pt 99999 0x1000')).toBe('pt: 99999: No such file or directory\n');
    expect(await s.run('pt 1 zz')).toBe('pt: bad address: zz\n');
    await s.run(`kill -9 ${child} ${parent}`);
    await s.run('sleep 1');
  }, T);

  test('end of input (^D) on an empty line ends the shell and init powers off with status 0', async () => {
    s.send('\x04');
    expect(await s.machine.exited).toBe(0);
  }, T);
});
