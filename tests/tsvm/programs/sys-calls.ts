// user/lib/sys.ts on tsvm: files, processes and memory through Linux system calls.
import {
  OpenFlag, Prot, MapFlag, Signal, close, execve, exitStatus, fork, getpid, getppid, kill, mmap, munmap, open, pipe,
  read, readFile, readMemory, unlink, utf8Decode, wait4, write, writeMemory, exit,
} from '../../../user/lib/sys.ts';

const dir = process.argv[2];
const say = (...parts: unknown[]) => console.log(...parts);

// files: create, write UTF-8, read back, errors as -errno
const path = `${dir}/sys-calls.txt`;
const fd = open(path, OpenFlag.O_WRONLY | OpenFlag.O_CREAT | OpenFlag.O_TRUNC, 0o644);
say('open', fd >= 3);
say('write', write(fd, 'héllo\nworld\n'));
say('close', close(fd), close(fd));
const back = readFile(path);
say('read', typeof back === 'string' ? JSON.stringify(utf8Decode(back)) : back);
say('missing', open(`${dir}/no-such-file`, OpenFlag.O_RDONLY));
say('unlink', unlink(path), unlink(path));

// processes
say('pid', getpid() === Number(process.argv[3]), getppid() > 0);
const child = fork();
if (child === 0) exit(7);
const w = wait4(child);
say('fork+exit', typeof w === 'object' && w.pid === child, typeof w === 'object' && JSON.stringify(exitStatus(w.status)));

const p = pipe();
if (typeof p === 'number') throw new Error(`pipe: ${p}`);
const shell = fork();
if (shell === 0) {
  close(p[0]);
  write(p[1], `child ${getpid() !== 0}\n`);
  execve('/bin/sh', ['sh', '-c', 'exit 42']);
  exit(99); // execve failed
}
close(p[1]);
const msg = read(p[0], 100);
say('pipe', JSON.stringify(msg));
const ws = wait4(shell);
say('execve', typeof ws === 'object' && JSON.stringify(exitStatus(ws.status)));

const sleeper = fork();
if (sleeper === 0) {
  execve('/bin/sleep', ['sleep', '10']);
  exit(99);
}
say('kill', kill(sleeper, Signal.SIGTERM));
const wk = wait4(sleeper);
say('killed', typeof wk === 'object' && JSON.stringify(exitStatus(wk.status)));
say('kill none', kill(sleeper, 0));

// memory: an anonymous mapping written and read through memWrite/memRead
const len = 3 * 4096;
const addr = mmap(0, len, Prot.READ | Prot.WRITE, MapFlag.PRIVATE | MapFlag.ANONYMOUS, -1, 0);
say('mmap', addr > 0 && addr % 4096 === 0);
say('zeroed', readMemory(addr + 4096, 4) === '\0\0\0\0');
say('poke', writeMemory(addr + 5000, 'abc\u00ff'), JSON.stringify(readMemory(addr + 4999, 6)));
say('munmap', munmap(addr, len), munmap(addr, 1));
let caught = '';
try { writeMemory(addr, 'ā'); } catch (e) { caught = String(e); }
say('wide', caught);
