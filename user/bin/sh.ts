// /bin/sh: the shell on the console. Reads a line (edited in raw mode, user/lib/sh/
// line-editor.ts), parses it (user/lib/sh/parse.ts) and runs it: builtins (cd, exit,
// poweroff is a program), programs found in PATH, `|` pipes, `<` `>` `>>` redirections
// and `&` background jobs. Each job runs in its own process group, made the terminal's
// foreground group, so ^C (SIGINT) reaches the job and not the shell, which ignores it.
// A job killed by a signal is reported as bash does ('Segmentation fault').

import {
  OpenFlag, chdir, close, dup2, execve, exitStatus, fork, getpid, open, pipe, wait4, write, exit,
} from '../lib/sys.ts';
import { SIGNAL_TEXT, SIG_DFL, SIG_IGN, S_IFDIR, S_IFMT, getcwd, setSignal, setpgid, stat, tcsetpgrp } from '../lib/posix.ts';
import { errText } from '../lib/tool.ts';
import { parse, splitList, type Command, type Pipeline } from '../lib/sh/parse.ts';
import { LineEditor } from '../lib/sh/line-editor.ts';
import { promptFor } from '../lib/prompt.ts';

const SIGINT = 2, SIGQUIT = 3, SIGTSTP = 20, SIGTTOU = 22, SIGTTIN = 21;
const WNOHANG = 1;

const env: Record<string, string> = { PATH: '/bin', ...(process.env as Record<string, string>) };
let lastStatus = 0;
const shellPid = getpid();
const editor = new LineEditor(0);

interface Job { id: number; pids: number[]; pgid: number; text: string; status: number }
const jobs: Job[] = [];

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

/** A background job's pid ended: note it; the job is reported before the next prompt. */
function noteBackground(pid: number, raw: number): void {
  for (const j of jobs) {
    const at = j.pids.indexOf(pid);
    if (at < 0) continue;
    j.pids.splice(at, 1);
    j.status = raw;
  }
}

function reportJobs(): void {
  for (;;) {
    const w = wait4(-1, WNOHANG);
    if (typeof w === 'number' || w.pid === 0) break;
    noteBackground(w.pid, w.status);
  }
  for (let i = 0; i < jobs.length; i++) {
    const j = jobs[i];
    if (j.pids.length > 0) continue;
    const s = exitStatus(j.status);
    const what = s.exited ? (s.code === 0 ? 'Done' : `Exit ${s.code}`) : (SIGNAL_TEXT[s.signal] ?? `Signal ${s.signal}`);
    say(`[${j.id}]+  ${what.padEnd(24)}${j.text}\n`);
    jobs.splice(i--, 1);
  }
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
      for (const j of jobs) write(1, `[${j.id}]  Running  ${j.text}\n`);
      return 0;
    case 'help':
      write(1, 'builtins: cd [DIR], exit [N], jobs, help. Programs in /bin: ls /bin.\n' +
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
  if (p.background) {
    const id = jobs.reduce((m, j) => Math.max(m, j.id), 0) + 1;
    jobs.push({ id, pids, pgid, text: p.text, status: 0 });
    write(2, `[${id}] ${pids[pids.length - 1]}\n`);
    lastStatus = 0;
    return;
  }
  if (editor.interactive) tcsetpgrp(0, pgid);
  const lastPid = pids[pids.length - 1];
  let lastRaw = 0;
  while (pids.length > 0) {
    const w = wait4(-1);
    if (typeof w === 'number') break; // ECHILD: nothing left
    const at = pids.indexOf(w.pid);
    if (at < 0) { noteBackground(w.pid, w.status); continue; }
    pids.splice(at, 1);
    if (w.pid === lastPid) lastRaw = w.status;
  }
  if (editor.interactive) tcsetpgrp(0, shellPid);
  lastStatus = statusOf(lastRaw, true);
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
