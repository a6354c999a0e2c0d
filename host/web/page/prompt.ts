// What the page waits for on COM1 before `window.tskern.ready` resolves: the first prompt.
// With the root file system that is the shell's (user/lib/prompt.ts); booted without it
// (a `test=` command line, or ?rootfs=0) it is the kernel's echo-console line.
import { FIRST_PROMPT } from '../../../user/lib/prompt.ts';

export const PROMPT = FIRST_PROMPT;
export const ECHO_CONSOLE_PROMPT = 'serial console:';

/** The kernel command-line word that makes the kernel run /sbin/init from the root file system. */
export const INIT_WORD = 'init=/sbin/init';
