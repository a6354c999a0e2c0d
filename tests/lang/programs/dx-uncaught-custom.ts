// An uncaught custom error after partial output: status 1, finally blocks run on the way out.
class ConfigError extends Error {
  constructor(public key: string) { super(`missing key: ${key}`); this.name = 'ConfigError'; }
}
function read(cfg: Record<string, string>, key: string): string {
  const v = cfg[key];
  if (v === undefined) throw new ConfigError(key);
  return v;
}
const cfg = { host: 'localhost', port: '8080' };
for (const k of ['host', 'port']) console.log(k, read(cfg, k));
try {
  console.log('reading user');
  read(cfg, 'user');
} finally {
  console.log('finally before uncaught');
}
console.log('not reached');
