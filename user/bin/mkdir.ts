// mkdir DIR...: make directories.
import { mkdir } from '../lib/sys.ts';
import { args, complain, finish } from '../lib/tool.ts';

let status = 0;
for (const d of args()) {
  const r = mkdir(d, 0o755);
  if (r < 0) { complain('mkdir', d, r); status = 1; }
}
finish(status);
