// The shell's prompt, shared with the host: the web page (host/web/page/prompt.ts) and the
// tests wait for it on the console to know the shell is ready for a line.

/** The prompt in directory `cwd`, e.g. `tskern:/tmp$ `. */
export function promptFor(cwd: string): string {
  return `tskern:${cwd}$ `;
}

/** The first prompt after boot (init starts the shell in /). */
export const FIRST_PROMPT = promptFor('/');
