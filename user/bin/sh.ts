// /bin/sh: the shell on the console. Reads a line (edited in raw mode, user/lib/sh/
// line-editor.ts), parses it (user/lib/sh/parse.ts) and runs it: builtins (cd, exit,
// poweroff is a program), programs found in PATH, `|` pipes, `<` `>` `>>` redirections
// and `&` background jobs. Each job runs in its own process group, made the terminal's
// foreground group, so ^C (SIGINT) reaches the job and not the shell, which ignores it.
// A job killed by a signal is reported as bash does ('Segmentation fault'). Job control:
// ^Z (SIGTSTP from the terminal) stops the foreground job, which the shell sees through
// wait4's WUNTRACED and lists as Stopped; `fg` gives it the terminal again and continues it
// (SIGCONT to its group), `bg` continues it in the background, `jobs` lists them.

import {
  OpenFlag, chdir, close, dup2, execve, exitStatus, fork, getpid, open, pipe, wait4, write, exit,
} from '../lib/sys.ts';
import { SIGNAL_TEXT, SIG_DFL, SIG_IGN, S_IFDIR, S_IFMT, getcwd, setSignal, setpgid, stat, tcsetpgrp } from '../lib/posix.ts';
import { kill } from '../lib/sys.ts';
import { errText } from '../lib/tool.ts';
import { parse, splitList, type Command, type Pipeline } from '../lib/sh/parse.ts';
import { LineEditor } from '../lib/sh/line-editor.ts';
import { promptFor } from '../lib/prompt.ts';

const SIGINT = 2, SIGQUIT = 3, SIGCONT = 18, SIGTSTP = 20, SIGTTOU = 22, SIGTTIN = 21;
const WNOHANG = 1, WUNTRACED = 2, WCONTINUED = 8;

const env: Record<string, string> = { PATH: '/bin', ...(process.env as Record<string, string>) };
let lastStatus = 0;
const shellPid = getpid();
const editor = new LineEditor(0);

/**
 * A pipeline the shell started: its live pids, process group, and the status of its last
 * command. A foreground job is numbered (id > 0) and listed in `jobs` once it stops.
 */
interface Job { id: number; pids: number[]; lastPid: number; pgid: number; text: string; status: number; stopped: boolean; reportStop: boolean }
const jobs: Job[] = [];
/** The job in the foreground, while the shell waits for it. */
let foreground: Job | null = null;

const isStopped = (raw: number) => (raw & 0xff) === 0x7f;
const isContinued = (raw: number) => raw === 0xffff;

function say(text: string): void { write(2, text); }

/** The file to exec for a command name: PATH lookup unless it names a path. */
function findProgram(name: string): string | null {
  if (name.indexOf('/') >= 0) return name;
  for (const dir of (env.PATH ?? '/bin').split(':')) {
    const path = (dir === '' ? '.' : dir) + '/' + name;
    const st = stat(path);
    if (typeof st !== 'number' && (st.mode & S_IFMT) !== S_IFDIR) return path;
  }
  return null;
}

/** In a forked child: redirections, then exec. Never returns. */
function runChild(cmd: Command, pgid: number, stdin: number, stdout: number, foreground: boolean): never {
  const me = getpid();
  setpgid(0, pgid === 0 ? me : pgid);
  if (foreground && editor.interactive) tcsetpgrp(0, pgid === 0 ? me : pgid);
  for (const s of [SIGINT, SIGQUIT, SIGTSTP, SIGTTOU, SIGTTIN]) setSignal(s, SIG_DFL);
  if (stdin !== 0) { dup2(stdin, 0); close(stdin); }
  if (stdout !== 1) { dup2(stdout, 1); close(stdout); }
  for (const r of cmd.redirects) {
    const flags = r.op === '<' ? OpenFlag.O_RDONLY
      : OpenFlag.O_WRONLY | OpenFlag.O_CREAT | (r.op === '>' ? OpenFlag.O_TRUNC : OpenFlag.O_APPEND);
    const fd = open(r.path, flags, 0o644);
    if (fd < 0) { say(`sh: ${r.path}: ${errText(fd)}\n`); exit(1); }
    dup2(fd, r.op === '<' ? 0 : 1);
    close(fd);
  }
  const path = findProgram(cmd.argv[0]);
  if (path === null) { say(`sh: ${cmd.argv[0]}: command not found\n`); exit(127); }
  const r = execve(path, cmd.argv, env);
  say(`sh: ${cmd.argv[0]}: ${errText(r)}\n`);
  return exit(r === -2 ? 127 : 126);
}

/** The status $? gets from a wait status; reports deaths by signal as bash does. */
function statusOf(raw: number, report: boolean): number {
  const s = exitStatus(raw);
  if (s.exited) return s.code;
  if (report && s.signal !== SIGINT && s.signal !== 13) say(`${SIGNAL_TEXT[s.signal] ?? 'Signal ' + s.signal}\n`);
  return 128 + s.signal;
}

/** A wait4 report for `pid`: its job notes the end, the stop or the continue. */
function noteStatus(pid: number, raw: number): void {
  const all = foreground !== null ? [foreground, ...jobs] : jobs;
  for (const j of all) {
    const at = j.pids.indexOf(pid);
    if (at < 0) continue;
    if (isStopped(raw)) {
      if (!j.stopped) j.reportStop = true;
      j.stopped = true;
    } else if (isContinued(raw)) {
      j.stopped = false;
    } else {
      j.pids.splice(at, 1);
      if (pid === j.lastPid || j.status === -1) j.status = raw;
    }
    return;
  }
}

/** A new job number: one more than the highest in use. */
function nextJobId(): number {
  return jobs.reduce((m, j) => Math.max(m, j.id), 0) + 1;
}

const jobLine = (j: Job, what: string) => `[${j.id}]${j === jobs[jobs.length - 1] ? '+' : ' '}  ${what.padEnd(24)}${j.text}\n`;

function reportJobs(): void {
  for (;;) {
    const w = wait4(-1, WNOHANG | WUNTRACED | WCONTINUED);
    if (typeof w === 'number' || w.pid === 0) break;
    noteStatus(w.pid, w.status);
  }
  for (let i = 0; i < jobs.length; i++) {
    const j = jobs[i];
    if (j.pids.length > 0) {
      if (j.reportStop && j.stopped) say(jobLine(j, 'Stopped'));
      j.reportStop = false;
      continue;
    }
    const s = exitStatus(j.status);
    const what = s.exited ? (s.code === 0 ? 'Done' : `Exit ${s.code}`) : (SIGNAL_TEXT[s.signal] ?? `Signal ${s.signal}`);
    say(jobLine(j, what));
    jobs.splice(i--, 1);
  }
}

/**
 * Waits while job j has the terminal: until all its processes ended ($? from the last
 * command) or it stopped (^Z: listed as Stopped, $? = 128 + SIGTSTP).
 */
function waitForeground(j: Job): void {
  foreground = j;
  if (editor.interactive) tcsetpgrp(0, j.pgid);
  while (j.pids.length > 0 && !j.stopped) {
    const w = wait4(-1, WUNTRACED);
    if (typeof w === 'number') break; // ECHILD: nothing left
    noteStatus(w.pid, w.status);
  }
  foreground = null;
  if (editor.interactive) tcsetpgrp(0, shellPid);
  if (j.pids.length > 0 && j.stopped) {
    if (jobs.indexOf(j) < 0) {
      j.id = nextJobId();
      jobs.push(j);
    } else {
      jobs.splice(jobs.indexOf(j), 1); // the most recent job again (the + in `jobs`)
      jobs.push(j);
    }
    j.reportStop = false;
    say(jobLine(j, 'Stopped'));
    lastStatus = 128 + SIGTSTP;
    return;
  }
  const listed = jobs.indexOf(j);
  if (listed >= 0) jobs.splice(listed, 1);
  lastStatus = statusOf(j.status === -1 ? 0 : j.status, true);
}

/** The job `fg`/`bg` name: %N or N, else the most recent (for bg: the most recent stopped). */
function pickJob(cmd: string, arg: string | undefined, stoppedOnly: boolean): Job | null {
  if (arg !== undefined) {
    const id = Number(arg.startsWith('%') ? arg.slice(1) : arg);
    const j = jobs.find((x) => x.id === id);
    if (j === undefined) say(`sh: ${cmd}: ${arg}: no such job\n`);
    return j ?? null;
  }
  for (let i = jobs.length - 1; i >= 0; i--) if (!stoppedOnly || jobs[i].stopped) return jobs[i];
  say(`sh: ${cmd}: current: no such job\n`);
  return null;
}

function builtin(argv: string[]): number | null {
  switch (argv[0]) {
    case 'cd': {
      const to = argv[1] ?? env.HOME ?? '/';
      const r = chdir(to);
      if (r < 0) { say(`sh: cd: ${to}: ${errText(r)}\n`); return 1; }
      return 0;
    }
    case 'exit':
      leave(argv[1] === undefined ? lastStatus : Number(argv[1]) & 0xff);
    case 'jobs':
      reportJobs();
      for (const j of jobs) write(1, jobLine(j, j.stopped ? 'Stopped' : 'Running'));
      return 0;
    case 'fg': {
      const j = pickJob('fg', argv[1], false);
      if (j === null) return 1;
      write(1, j.text + '\n');
      if (editor.interactive) tcsetpgrp(0, j.pgid); // the terminal first, so its reads go on
      j.stopped = false;
      kill(-j.pgid, SIGCONT);
      waitForeground(j);
      return lastStatus;
    }
    case 'bg': {
      const j = pickJob('bg', argv[1], true);
      if (j === null) return 1;
      j.stopped = false;
      kill(-j.pgid, SIGCONT);
      write(1, `[${j.id}]+ ${j.text} &\n`);
      return 0;
    }
    case 'help':
      write(1, 'builtins: cd [DIR], exit [N], jobs, fg [%N], bg [%N], help. Programs in /bin: ls /bin.\n' +
        '^C ends the foreground job, ^Z stops it (fg continues it, bg runs it in the background).\n' +
        'Syntax: CMD ARGS... [< IN] [> OUT | >> OUT] [| CMD ...] [&]; $? is the last status.\n');
      return 0;
  }
  return null;
}

function run(p: Pipeline): void {
  if (p.commands.length === 1 && !p.background) {
    const b = builtin(p.commands[0].argv);
    if (b !== null) { lastStatus = b; return; }
  }
  const pids: number[] = [];
  let pgid = 0;
  let stdin = 0;
  for (let i = 0; i < p.commands.length; i++) {
    const last = i === p.commands.length - 1;
    let next: [number, number] = [0, 1];
    if (!last) {
      const made = pipe();
      if (typeof made === 'number') { say(`sh: pipe: ${errText(made)}\n`); break; }
      next = made;
    }
    const pid = fork();
    if (pid === 0) {
      if (!last) close(next[0]);
      runChild(p.commands[i], pgid, stdin, last ? 1 : next[1], !p.background);
    }
    if (pid < 0) { say(`sh: fork: ${errText(pid)}\n`); break; }
    if (pgid === 0) pgid = pid;
    setpgid(pid, pgid); // also here: whichever of parent and child runs first
    pids.push(pid);
    if (stdin !== 0) close(stdin);
    if (!last) { close(next[1]); stdin = next[0]; }
  }
  if (pids.length === 0) { lastStatus = 1; return; }
  const job: Job = { id: 0, pids, lastPid: pids[pids.length - 1], pgid, text: p.text, status: -1, stopped: false, reportStop: false };
  if (p.background) {
    job.id = nextJobId();
    jobs.push(job);
    write(2, `[${job.id}] ${job.lastPid}\n`);
    lastStatus = 0;
    return;
  }
  waitForeground(job);
}

function leave(status: number): never {
  editor.restore();
  return exit(status);
}

function variable(name: string): string {
  if (name === '?') return String(lastStatus);
  if (name === '$') return String(shellPid);
  return env[name] ?? '';
}

// The shell survives ^C, ^\ and ^Z: they are for the foreground job.
for (const s of [SIGINT, SIGQUIT, SIGTSTP, SIGTTOU, SIGTTIN]) setSignal(s, SIG_IGN);
if (editor.interactive) {
  setpgid(0, 0);
  tcsetpgrp(0, shellPid);
}
for (;;) {
  reportJobs();
  const cwd = getcwd();
  const r = editor.readLine(promptFor(typeof cwd === 'string' ? cwd : '?'));
  if ('eof' in r) leave(lastStatus);
  if ('cancelled' in r) { lastStatus = 130; continue; }
  for (const part of splitList(r.line)) {
    const parsed = parse(part, variable);
    if (typeof parsed === 'string') { say(`sh: ${parsed}\n`); lastStatus = 2; break; }
    for (const p of parsed) run(p);
  }
}
