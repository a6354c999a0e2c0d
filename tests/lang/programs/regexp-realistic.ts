// A small tokenizer, an INI/log parser and a router, the way kernel tools use regexps.
type Tok = { kind: string; text: string; at: number };
const TOKEN = /\s*(?:(?<num>0x[0-9a-f]+|\d+(?:\.\d+)?(?:e[+-]?\d+)?)|(?<id>[A-Za-z_$][\w$]*)|(?<str>"(?:[^"\\]|\\.)*")|(?<op>[-+*/%=<>!&|^~?:]{1,3}|[()[\]{},;.]))/iy;
function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < src.length) {
    const start = TOKEN.lastIndex;
    const m = TOKEN.exec(src);
    if (m === null) {
      if (/^\s*$/.test(src.slice(start))) break;
      throw new SyntaxError(`bad input at ${start}: ${JSON.stringify(src.slice(start, start + 10))}`);
    }
    const g = m.groups!;
    const kind = g.num !== undefined ? 'num' : g.id !== undefined ? 'id' : g.str !== undefined ? 'str' : 'op';
    out.push({ kind, text: m[0].trim(), at: m.index });
  }
  return out;
}
console.log(tokenize('let x = 0x1F + foo(3.5e-2, "a\\"b") >>= y;').map((t) => `${t.kind}:${t.text}@${t.at}`).join(' '));
try {
  tokenize('a # b');
} catch (e) {
  console.log(String(e));
}

const ini = `; comment
[kernel]
heap = 64M
cmdline = "console=ttyS0 quiet"

[disk.0]
path=/dev/hda   ; trailing
readonly= yes
`;
const config: Record<string, Record<string, string>> = {};
let section = '';
for (const line of ini.split(/\r?\n/)) {
  const body = line.replace(/\s*;.*$/, '');
  let m: RegExpMatchArray | null;
  if ((m = body.match(/^\[([\w.]+)\]$/))) config[(section = m[1])] = {};
  else if ((m = body.match(/^\s*(\w+)\s*=\s*(?:"([^"]*)"|(.*?))\s*$/))) config[section][m[1]] = m[2] ?? m[3];
}
console.log(config);

const log = `[    0.000000] Linux version 6.1.0 (gcc 12.2)
[    0.004211] BIOS-e820: [mem 0x0000000000000000-0x000000000009fbff] usable
[    1.250000] ata1.00: ATA-7: QEMU HARDDISK, 2.5+, max UDMA/100
[   12.5] EXT4-fs (sda1): mounted filesystem with ordered data mode`;
const LINE = /^\[\s*(?<time>\d+\.\d+)\]\s+(?<who>[\w.-]+(?: \([^)]*\))?):?\s+(?<msg>.*)$/gm;
for (const m of log.matchAll(LINE)) console.log(Number(m.groups!.time), '|', m.groups!.who, '|', m.groups!.msg.length);
const ranges = [...log.matchAll(/0x([0-9a-f]+)-0x([0-9a-f]+)/g)].map((m) => [parseInt(m[1], 16), parseInt(m[2], 16)]);
console.log(ranges, log.replace(/\d+\.\d+/g, (t) => Number(t).toFixed(1)).split('\n')[2]);

const routes: [RegExp, string][] = [[/^\/proc\/(?<pid>\d+)\/(?<file>status|maps|cmdline)$/, 'proc'], [/^\/dev\/(?<dev>tty\w*|null|zero)$/, 'dev'], [/^\/(.*)$/, 'fs']];
for (const path of ['/proc/42/maps', '/proc/self/maps', '/dev/ttyS0', '/dev/hda', '/etc/passwd']) {
  for (const [re, name] of routes) {
    const m = re.exec(path);
    if (m) {
      console.log(path, '->', name, m.groups ?? m.slice(1));
      break;
    }
  }
}
console.log('%s has %d words, %d vowels', 'the quick brown fox', 'the quick brown fox'.split(/\s+/).length, ('the quick brown fox'.match(/[aeiou]/g) ?? []).length);
