// UTF-8 for the kernel: the one loop that walks a string by code points (a high surrogate
// followed by a low one is one code point; a lone surrogate is encoded as itself, three
// bytes) and its inverse. Used for strings that cross into user memory, procfs text and
// the serial console.

/** Decodes a string of byte-valued units as UTF-8 (invalid sequences stay as they are). */
export function utf8Decode(bytes: string): string {
  let ascii = true;
  for (let i = 0; i < bytes.length; i++) if (bytes.charCodeAt(i) >= 0x80) { ascii = false; break; }
  if (ascii) return bytes;
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes.charCodeAt(i);
    const need = b >= 0xf0 ? 3 : b >= 0xe0 ? 2 : b >= 0xc0 ? 1 : 0;
    if (need === 0 || i + need > bytes.length - 1) {
      out += String.fromCharCode(b);
      continue;
    }
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    let ok = true;
    for (let k = 1; k <= need; k++) {
      const c = bytes.charCodeAt(i + k);
      if ((c & 0xc0) !== 0x80) { ok = false; break; }
      cp = (cp << 6) | (c & 0x3f);
    }
    // overlong forms, surrogates and values past U+10FFFF stay as raw bytes
    const min = need === 1 ? 0x80 : need === 2 ? 0x800 : 0x10000;
    if (!ok || cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp < 0xe000)) { out += String.fromCharCode(b); continue; }
    out += String.fromCodePoint(cp);
    i += need;
  }
  return out;
}

/** UTF-8 bytes of a string. */
export function utf8Encode(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      const lo = s.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo < 0xe000) { c = 0x10000 + ((c - 0xd800) << 10) + (lo - 0xdc00); i++; }
    }
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 0x3f));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 0x3f), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
  }
  return out;
}
