// echo [-n] ARGS...: the arguments, separated by spaces, and a newline (unless -n).
import { args, out } from '../lib/tool.ts';

const a = args();
const noNewline = a[0] === '-n';
out((noNewline ? a.slice(1) : a).join(' ') + (noNewline ? '' : '\n'));
