// The one place nl-sh quotes for bash: every argument becomes one bash word that expands to
// exactly its bytes (single-quote style; a `'` becomes `'\''`). Nothing inside single quotes is
// special to bash, not `$`, backticks, `\`, `!` (history expansion skips single quotes) or newlines.

import { NlshError } from '../errors.js';

// Words made only of these need no quotes. `=` is left out (a first word `a=b` would be an
// assignment), as are `~` (tilde expansion), `#`, `{`, `}`, `*`, `?`, `[` and all blanks.
const plain = /^[A-Za-z0-9_/.,:@%+-]+$/;

/** Quote one argument as a single bash word; throws for NUL, which no argv can carry. */
export function quoteForBash(arg: string): string {
  if (arg.includes('\0')) throw new NlshError({ message: 'an argument contains a NUL byte, which bash cannot pass on', doing: 'quoting a command for bash' });
  if (plain.test(arg)) return arg;
  return `'${arg.replaceAll("'", `'\\''`)}'`;
}

/** Quote raw bytes (which need not be UTF-8) as a single bash word. */
export function quoteBytesForBash(arg: Uint8Array): Buffer {
  if (arg.includes(0)) throw new NlshError({ message: 'an argument contains a NUL byte, which bash cannot pass on', doing: 'quoting a command for bash' });
  const bytes = Buffer.from(arg);
  if (bytes.length > 0 && plain.test(bytes.toString('latin1'))) return bytes;
  const parts: Buffer[] = [Buffer.from("'")];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] !== 0x27) continue;
    parts.push(bytes.subarray(start, i), Buffer.from(`'\\''`));
    start = i + 1;
  }
  parts.push(bytes.subarray(start), Buffer.from("'"));
  return Buffer.concat(parts);
}

/** Quote a whole argv as one bash command line. */
export function quoteArgvForBash(argv: readonly string[]): string {
  return argv.map(quoteForBash).join(' ');
}
