// Bash pathname patterns (`*`, `?`, `[...]`), one path segment at a time, matched in linear
// time: a pattern compiles once into tokens, and matching backtracks only to the last `*`
// (the classic wildcard algorithm, O(name × pattern) at worst), never a backtracking regex,
// which took minutes on `*a*a*a…*b` against long names. Backslash escapes a character (quoted
// text reaches here escaped). No globstar: like bash without `shopt -s globstar`, `**` is `*`.

/** One element of a compiled segment pattern. */
type Token = { kind: 'star' } | { kind: 'any' } | { kind: 'char'; char: string } | { kind: 'class'; negate: boolean; ranges: [number, number][]; named: string[] };

/** A segment pattern compiled for repeated matching. */
export interface SegmentPattern {
  readonly tokens: readonly Token[];
  /** The fewest characters a matching name has (one per token that is not `*`). */
  readonly minLength: number;
  /** Names starting with `.` match only when the pattern starts with a literal dot. */
  readonly matchesLeadingDot: boolean;
}

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

/** Compile one path segment's pattern. */
export function compileSegment(segment: string): SegmentPattern {
  const tokens: Token[] = [];
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i] as string;
    if (c === '\\' && i + 1 < segment.length) tokens.push({ kind: 'char', char: segment[++i] as string });
    else if (c === '*') {
      if (tokens[tokens.length - 1]?.kind !== 'star') tokens.push({ kind: 'star' });
    } else if (c === '?') tokens.push({ kind: 'any' });
    else if (c === '[') {
      const parsed = parseClass(segment, i);
      if (parsed) {
        tokens.push(parsed.token);
        i = parsed.end;
      } else tokens.push({ kind: 'char', char: '[' });
    } else tokens.push({ kind: 'char', char: c });
  }
  const first = tokens[0];
  return { tokens, minLength: tokens.filter((t) => t.kind !== 'star').length, matchesLeadingDot: first?.kind === 'char' && first.char === '.' };
}

/** Whether `name` (one path segment) matches the compiled pattern. */
export function matchSegment(pattern: SegmentPattern, name: string): boolean {
  if (name.length < pattern.minLength) return false;
  if (name.startsWith('.') && !pattern.matchesLeadingDot) return false;
  const tokens = pattern.tokens;
  let t = 0;
  let n = 0;
  // Where the last `*` was and how much of the name it has taken: on a mismatch it takes one more.
  let starToken = -1;
  let starName = 0;
  while (n < name.length) {
    const token = tokens[t];
    if (token?.kind === 'star') {
      starToken = t++;
      starName = n;
    } else if (token && matchesOne(token, name.charCodeAt(n), name[n] as string)) {
      t++;
      n++;
    } else if (starToken >= 0) {
      t = starToken + 1;
      n = ++starName;
    } else return false;
  }
  while (tokens[t]?.kind === 'star') t++;
  return t === tokens.length;
}

/** Whether `name` matches a segment pattern given as text (compiled on each call; for tests and one-offs). */
export function segmentMatches(segment: string, name: string): boolean {
  return matchSegment(compileSegment(segment), name);
}

function matchesOne(token: Token, code: number, char: string): boolean {
  switch (token.kind) {
    case 'any':
      return true;
    case 'char':
      return token.char === char;
    case 'class': {
      const inside = token.ranges.some(([lo, hi]) => code >= lo && code <= hi) || token.named.some((name) => inNamedClass(name, char));
      return inside !== token.negate;
    }
    case 'star':
      return false;
  }
}

/** Parse `[...]` starting at `open`; undefined when it does not close (then `[` is literal). */
function parseClass(segment: string, open: number): { token: Token; end: number } | undefined {
  let i = open + 1;
  const negate = segment[i] === '!' || segment[i] === '^';
  if (negate) i++;
  const ranges: [number, number][] = [];
  const named: string[] = [];
  let first = true;
  while (i < segment.length) {
    let c = segment[i] as string;
    if (c === ']' && !first) return { token: { kind: 'class', negate, ranges, named }, end: i };
    first = false;
    if (c === '[' && segment[i + 1] === ':') {
      const close = segment.indexOf(':]', i + 2);
      if (close > 0) {
        named.push(segment.slice(i + 2, close));
        i = close + 2;
        continue;
      }
    }
    if (c === '\\' && i + 1 < segment.length) c = segment[++i] as string;
    let hi = c;
    if (segment[i + 1] === '-' && i + 2 < segment.length && segment[i + 2] !== ']') {
      i += 2;
      hi = segment[i] === '\\' && i + 1 < segment.length ? (segment[++i] as string) : (segment[i] as string);
    }
    ranges.push([c.charCodeAt(0), hi.charCodeAt(0)]);
    i++;
  }
  return undefined;
}

const namedClasses: Readonly<Record<string, RegExp>> = Object.freeze({
  alpha: /[A-Za-z]/, digit: /[0-9]/, alnum: /[A-Za-z0-9]/, upper: /[A-Z]/, lower: /[a-z]/, space: /\s/,
  blank: /[ \t]/, punct: /[!-/:-@[-`{-~]/, xdigit: /[0-9A-Fa-f]/, word: /\w/, cntrl: /[\x00-\x1f\x7f]/, print: /[ -~]/, graph: /[!-~]/,
});

function inNamedClass(name: string, char: string): boolean {
  return namedClasses[name]?.test(char) ?? false;
}
