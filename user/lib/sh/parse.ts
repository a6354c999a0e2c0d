// The shell's grammar: a line is a pipeline of commands separated by `|`, each a list of
// words with `<`, `>`, `>>` redirections, optionally ended by `&` (background). Words may
// be quoted ('...' literal, "..." with $ expansion) or use \ to escape one character;
// `$?` is the last status and `$NAME` an environment variable.

export interface Redirect { op: '<' | '>' | '>>'; path: string }
export interface Command { argv: string[]; redirects: Redirect[] }
export interface Pipeline { commands: Command[]; background: boolean; text: string }

type Token = { op: string } | { word: string };

function isSpace(c: string): boolean { return c === ' ' || c === '\t' || c === '\n'; }
function isNameChar(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c === '_';
}

/** Split a line into words and operators, expanding $ (vars(name) gives a variable's value). */
export function tokenize(line: string, vars: (name: string) => string): Token[] | string {
  const tokens: Token[] = [];
  let i = 0;
  const expand = (): string => {
    // at line[i] === '$'
    if (line[i + 1] === '?' || line[i + 1] === '$') { i += 2; return vars(line[i - 1]); }
    let j = i + 1;
    while (j < line.length && isNameChar(line[j])) j++;
    if (j === i + 1) { i++; return '$'; }
    const name = line.slice(i + 1, j);
    i = j;
    return vars(name);
  };
  while (i < line.length) {
    const c = line[i];
    if (isSpace(c)) { i++; continue; }
    if (c === '#') break;
    if (c === '|' || c === '<' || c === '&' || c === ';') { tokens.push({ op: c }); i++; continue; }
    if (c === '>') {
      if (line[i + 1] === '>') { tokens.push({ op: '>>' }); i += 2; } else { tokens.push({ op: '>' }); i++; }
      continue;
    }
    let word = '';
    while (i < line.length && !isSpace(line[i]) && '|<>&;'.indexOf(line[i]) < 0) {
      const d = line[i];
      if (d === '\\' && i + 1 < line.length) { word += line[i + 1]; i += 2; }
      else if (d === "'") {
        const end = line.indexOf("'", i + 1);
        if (end < 0) return 'unterminated quote';
        word += line.slice(i + 1, end);
        i = end + 1;
      } else if (d === '"') {
        i++;
        while (i < line.length && line[i] !== '"') {
          if (line[i] === '\\' && i + 1 < line.length && '"\\$'.indexOf(line[i + 1]) >= 0) { word += line[i + 1]; i += 2; }
          else if (line[i] === '$') word += expand();
          else word += line[i++];
        }
        if (i >= line.length) return 'unterminated quote';
        i++;
      } else if (d === '$') word += expand();
      else { word += d; i++; }
    }
    tokens.push({ word });
  }
  return tokens;
}

/** The pipelines of a line (separated by `;` or `&`), or an error message. */
export function parse(line: string, vars: (name: string) => string): Pipeline[] | string {
  const tokens = tokenize(line, vars);
  if (typeof tokens === 'string') return tokens;
  const pipelines: Pipeline[] = [];
  let commands: Command[] = [];
  let cmd: Command = { argv: [], redirects: [] };
  const endCommand = (): string | null => {
    if (cmd.argv.length === 0) return cmd.redirects.length > 0 ? 'missing command' : null;
    commands.push(cmd);
    cmd = { argv: [], redirects: [] };
    return null;
  };
  const endPipeline = (background: boolean): string | null => {
    const e = endCommand();
    if (e !== null) return e;
    if (commands.length === 0) return background ? "syntax error near unexpected token `&'" : null;
    pipelines.push({ commands, background, text: commands.map((c) => c.argv.join(' ')).join(' | ') });
    commands = [];
    return null;
  };
  for (let t = 0; t < tokens.length; t++) {
    const tok = tokens[t];
    if ('word' in tok) { cmd.argv.push(tok.word); continue; }
    if (tok.op === '|') {
      if (cmd.argv.length === 0) return "syntax error near unexpected token `|'";
      endCommand();
    } else if (tok.op === '&' || tok.op === ';') {
      const e = endPipeline(tok.op === '&');
      if (e !== null) return e;
    } else {
      const next = tokens[t + 1];
      if (next === undefined || !('word' in next)) return `syntax error: ${tok.op} needs a file name`;
      cmd.redirects.push({ op: tok.op as Redirect['op'], path: next.word });
      t++;
    }
  }
  if (cmd.argv.length === 0 && commands.length > 0) return 'syntax error: a pipe needs a command after it';
  const e = endPipeline(false);
  return e !== null ? e : pipelines;
}

/**
 * The line cut after each `;` and `&` outside quotes (the `&` stays with its part), so that
 * each part is parsed, and its `$?` expanded, only when the parts before it have run.
 */
export function splitList(line: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\') { i++; continue; }
    if (c === "'" || c === '"') {
      const end = line.indexOf(c, i + 1);
      if (end < 0) break; // parse() reports the unterminated quote
      i = end;
      continue;
    }
    if (c === '#') break;
    if (c === ';' || c === '&') {
      parts.push(line.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (line.slice(start).trim() !== '') parts.push(line.slice(start));
  return parts;
}
