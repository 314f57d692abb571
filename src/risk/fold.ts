// Constant folding of the few commands whose output nl-sh can compute without running them:
// echo and printf of literals, base64 and xxd decoding, so that `$(printf 'r%s' m)` is `rm` and
// `echo cm0gLXJmIGJ1aWxk | base64 -d | sh` is `rm -rf build`.

/** `echo` output for literal arguments (handles -n, -e, -E). */
export function foldEcho(args: readonly string[]): string {
  let newline = true;
  let escapes = false;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i] as string;
    if (!/^-[neE]+$/.test(a)) break;
    if (a.includes('n')) newline = false;
    if (a.includes('e')) escapes = true;
    if (a.includes('E')) escapes = false;
  }
  let text = args.slice(i).join(' ');
  if (escapes) text = unescapeBackslashes(text);
  return newline ? `${text}\n` : text;
}

/** `printf FORMAT ARGS...` output for literal arguments (%s, %b, %d, %c, %%; the format repeats). */
export function foldPrintf(format: string, args: readonly string[]): string {
  let out = '';
  let next = 0;
  const take = (): string => (next < args.length ? (args[next++] as string) : '');
  do {
    let consumed = false;
    out += unescapeBackslashes(format).replace(/%(-?\d*)([sbdicxo%])/g, (_m, _width: string, conv: string) => {
      if (conv === '%') return '%';
      consumed = true;
      const value = take();
      if (conv === 'b') return unescapeBackslashes(value);
      if (conv === 'd' || conv === 'i') return String(Number.parseInt(value || '0', 10) || 0);
      if (conv === 'c') return value.slice(0, 1);
      if (conv === 'x') return (Number.parseInt(value || '0', 10) || 0).toString(16);
      if (conv === 'o') return (Number.parseInt(value || '0', 10) || 0).toString(8);
      return value;
    });
    if (!consumed) break;
  } while (next < args.length);
  return out;
}

function unescapeBackslashes(text: string): string {
  const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', a: '\x07', b: '\b', f: '\f', v: '\v', e: '\x1b' };
  return text.replace(/\\(x[0-9a-fA-F]{1,2}|0?[0-7]{1,3}|.)/g, (m, esc: string) => {
    if (esc[0] === 'x') return String.fromCharCode(parseInt(esc.slice(1), 16));
    if (/^[0-7]/.test(esc)) return String.fromCharCode(parseInt(esc, 8) & 0xff);
    return simple[esc] ?? m;
  });
}

/** Decode base64 text, or undefined when it is not base64. */
export function decodeBase64(text: string): string | undefined {
  const clean = text.replace(/\s+/g, '');
  if (clean === '' || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(clean)) return undefined;
  return Buffer.from(clean.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
}

/** Decode a plain hex dump (`xxd -r -p`), or undefined when it is not hex. */
export function decodeHex(text: string): string | undefined {
  const clean = text.replace(/\s+/g, '');
  if (clean === '' || clean.length % 2 !== 0 || !/^[0-9a-fA-F]+$/.test(clean)) return undefined;
  return Buffer.from(clean, 'hex').toString('utf8');
}
