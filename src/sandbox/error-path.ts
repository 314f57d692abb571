// The path a program names in its error text, read back the way the program quoted it: coreutils'
// shell-escape quoting ('a b', "it's", 'new'$'\n''line'), a bare path before the error
// (bash: line 1: /opt/a:b: ...), or a quoted path after it (Python's `...: '/x'`, Node's `open '/x'`).
// Pure; shown with control characters escaped, so a hostile name cannot draw on the terminal.

// A word in coreutils' quoting: runs of '...', "..." and $'...' with no blank between.
const quotedWord = String.raw`((?:'[^'\n]*'|"(?:[^"\\\n]|\\.)*"|\$'(?:[^'\\\n]|\\.)*')+)`;

/** The path named with `error` in `text` (before it, or quoted just after it), or undefined. */
export function pathInError(text: string, error: string): string | undefined {
  const e = escapeRegExp(error);
  const before = new RegExp(`${quotedWord}: ${e}`, 'i').exec(text);
  if (before) return unquote(before[1]!);
  const after = new RegExp(`${e}(?::|,\\s*\\w+)\\s*${quotedWord}`, 'i').exec(text);
  if (after) return unquote(after[1]!);
  // A bare absolute path: from the first slash of the line part up to the error (colons allowed).
  const bare = new RegExp(`(?:^|[\\s:'"])(/[^\\n]*?): ${e}`, 'im').exec(text);
  return bare?.[1];
}

/** A path as one line with control characters visible (\n, \x1b...). */
export function visiblePath(path: string): string {
  return path.replace(/[\x00-\x1f\x7f]/g, (c) => (c === '\n' ? '\\n' : c === '\t' ? '\\t' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`));
}

function unquote(word: string): string {
  let out = '';
  for (const piece of word.match(/'[^']*'|"(?:[^"\\]|\\.)*"|\$'(?:[^'\\]|\\.)*'/g) ?? []) {
    if (piece.startsWith("$'")) out += ansiC(piece.slice(2, -1));
    else if (piece.startsWith('"')) out += piece.slice(1, -1).replace(/\\(.)/g, '$1');
    else out += piece.slice(1, -1);
  }
  return out;
}

const simpleEscapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', e: '\x1b', E: '\x1b', '\\': '\\', "'": "'", '"': '"' };

// bash's $'...' escapes as coreutils writes them (octal \NNN, hex \xHH and the letters).
function ansiC(body: string): string {
  return body.replace(/\\([0-7]{1,3}|x[0-9a-fA-F]{1,2}|.)/g, (all, esc: string) => {
    if (/^[0-7]/.test(esc)) return String.fromCharCode(parseInt(esc, 8));
    if (esc.startsWith('x') && esc.length > 1) return String.fromCharCode(parseInt(esc.slice(1), 16));
    return simpleEscapes[esc] ?? all;
  });
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
