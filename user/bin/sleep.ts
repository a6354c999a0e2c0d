// sleep SECONDS: wait (a fraction is fine), then exit 0.
import { args, err, finish } from '../lib/tool.ts';

const s = Number(args()[0]);
if (!(s >= 0)) { err('usage: sleep SECONDS\n'); finish(2); }
setTimeout(() => {}, s * 1000);
