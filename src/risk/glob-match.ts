// Bash pathname patterns (`*`, `?`, `[...]`) as regular expressions, one path segment at a time.
// Backslash escapes a character (quoted text reaches here escaped). No globstar: like bash
// without `shopt -s globstar`, `**` is just `*`.

/** Whether a pattern has an unescaped glob character. */
export function hasGlobChars(pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (c === '*' || c === '?' || c === '[') return true;
  }
  return false;
}

/** Remove pattern escapes: the literal path a pattern without glob characters names. */
export function unescapePattern(pattern: string): string {
  return pattern.replace(/\\(.)/g, '$1');
}

/** A regex matching one path segment; a leading dot must be matched explicitly. */
export function segmentRegex(segment: string): RegExp {
  let out = '';
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i] as string;
    if (c === '\\' && i + 1 < segment.length) {
      out += escapeRegex(segment[++i] as string);
    } else if (c === '*') {
      out += '[^/]*';
    } else if (c === '?') {
      out += '[^/]';
    } else if (c === '[') {
      const close = segment.indexOf(']', i + 2);
      if (close < 0) {
        out += '\\[';
        continue;
      }
      let body = segment.slice(i + 1, close);
      const negate = body.startsWith('!') || body.startsWith('^');
      if (negate) body = body.slice(1);
      out += `[${negate ? '^' : ''}${body.replace(/[\\\]]/g, '\\$&')}]`;
      i = close;
    } else {
      out += escapeRegex(c);
    }
  }
  const leadingDot = segment.startsWith('.') || segment.startsWith('\\.');
  return new RegExp(`^${leadingDot ? '' : '(?!\\.)'}${out}$`);
}

function escapeRegex(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
