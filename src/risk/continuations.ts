// bash removes a backslash-newline before it splits words (outside single quotes and comments),
// so `r\<newline>m -rf x` runs rm. The grammar reads the two halves as separate words: join them
// first.

/** `source` with every line continuation that bash would remove, removed. */
export function joinContinuations(source: string): string {
  if (!source.includes('\\\n')) return source;
  let out = '';
  let single = false;
  let comment = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i] as string;
    if (comment) {
      if (c === '\n') comment = false;
      out += c;
    } else if (single) {
      if (c === "'") single = false;
      out += c;
    } else if (c === '\\' && source[i + 1] === '\n') {
      i++;
    } else if (c === '\\') {
      out += c + (source[i + 1] ?? '');
      i++;
    } else {
      if (c === "'") single = true;
      else if (c === '#' && (i === 0 || /[\s;&|()]/.test(source[i - 1] as string))) comment = true;
      out += c;
    }
  }
  return out;
}
