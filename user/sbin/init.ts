// /sbin/init, PID 1: prints /etc/motd, starts /bin/sh on the console in a session of its
// own, and reaps every process that ends (orphans are re-parented to PID 1). When the
// shell exits with status 0 (`exit`, or the end of the console's input) init powers the
// machine off, status 0; when it exits otherwise or is killed, init starts a new shell.

import { execve, exitStatus, fork, readFile, wait4, write, exit } from '../lib/sys.ts';
import { SIGNAL_TEXT, SIG_IGN, powerOff, setSignal } from '../lib/posix.ts';
import { syscall } from '../lib/sys.ts';

const SETSID = 66;
const env = { PATH: '/bin', HOME: '/', TERM: (process.env.TERM as string | undefined) ?? 'linux' };

function startShell(): number {
  const pid = fork();
  if (pid === 0) {
    syscall(SETSID);
    const r = execve('/bin/sh', ['sh'], env);
    write(2, `init: cannot run /bin/sh: error ${-r}\n`);
    exit(127);
  }
  return pid;
}

setSignal(2, SIG_IGN);
const motd = readFile('/etc/motd');
if (typeof motd === 'string') write(1, motd);
let shell = startShell();
let quickDeaths = 0;
for (;;) {
  const w = wait4(-1);
  if (typeof w === 'number') { shell = startShell(); continue; } // ECHILD: no shell either
  if (w.pid !== shell) continue; // an orphan, reaped
  const s = exitStatus(w.status);
  if (s.exited && s.code === 0) break;
  write(1, `init: the shell ${s.exited ? `exited with status ${s.code}` : `was killed (${SIGNAL_TEXT[s.signal] ?? 'signal ' + s.signal})`}; starting a new one\n`);
  if (++quickDeaths > 20) break; // a shell that cannot start would loop forever
  shell = startShell();
}
powerOff();
