// Bash brace expansion (`{a,b}`, `{1..3}`, `{a..c}`), bounded: a word that would expand to more
// words than the limit, or take more work than the limit to expand, is not expanded at all
// (`{1..100000}`, `{a,b}` twenty times); the caller treats its words as unknown.

/** How far one word's expansion may go. */
export interface BraceLimits {
  /** Most words one word may expand to. */
  words: number;
  /** Most characters the expansion may scan and build. */
  steps: number;
}

/** The default bounds: enough for `touch file{1..500}`, far below what freezes the shell. */
export const braceLimits: BraceLimits = Object.freeze({ words: 1000, steps: 200_000 });

/** Whether unquoted text has a `{...}` with a `,` or `..` inside and no brace between (what bash would expand); linear time. */
export function hasBraceExpansion(text: string): boolean {
  let open = false;
  let separated = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '{') {
      open = true;
      separated = false;
    } else if (c === '}') {
      if (open && separated) return true;
      open = false;
    } else if (open && (c === ',' || (c === '.' && text[i + 1] === '.'))) separated = true;
  }
  return false;
}

/** The words `text` expands to, in bash's order; undefined when that is beyond `limits`. */
export function expandBraces(text: string, limits: BraceLimits = braceLimits): string[] | undefined {
  const work = { steps: limits.steps };
  const out: string[] = [];
  return expandInto(text, limits.words, work, out) ? out : undefined;
}

/** Append the expansions of `text` to `out`; false when a bound was passed. */
function expandInto(text: string, maxWords: number, work: { steps: number }, out: string[]): boolean {
  if ((work.steps -= text.length) < 0) return false;
  const group = findGroup(text);
  if (!group) {
    out.push(text);
    return out.length <= maxWords;
  }
  const pre = text.slice(0, group.open);
  const post = text.slice(group.close + 1);
  const options = group.options ?? sequence(group.from as string, group.to as string, maxWords);
  if (!options) return false;
  for (const option of options) if (!expandInto(pre + option + post, maxWords, work, out)) return false;
  return true;
}

interface BraceGroup {
  open: number;
  close: number;
  /** The alternatives of `{a,b}`. */
  options?: string[];
  /** The ends of `{1..3}`. */
  from?: string;
  to?: string;
}

/** The first brace group bash would expand, matching braces in one pass. */
function findGroup(text: string): BraceGroup | undefined {
  const closeOf = matchBraces(text);
  for (let open = 0; open < text.length; open++) {
    const close = closeOf.get(open);
    if (close === undefined) continue;
    const options = splitTopLevel(text, open, close, closeOf);
    if (options.length > 1) return { open, close, options };
    // Sequences are short: the longest is `{-999999999..-999999999}`.
    const seq = close - open < 24 ? /^(-?\d{1,9}|[a-zA-Z])\.\.(-?\d{1,9}|[a-zA-Z])$/.exec(text.slice(open + 1, close)) : null;
    if (seq) return { open, close, from: seq[1] as string, to: seq[2] as string };
  }
  return undefined;
}

/** Each `{` position mapped to its matching `}`. */
function matchBraces(text: string): Map<number, number> {
  const stack: number[] = [];
  const closeOf = new Map<number, number>();
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '{') stack.push(i);
    else if (text[i] === '}' && stack.length > 0) closeOf.set(stack.pop() as number, i);
  }
  return closeOf;
}

/** The alternatives of the group from `open` to `close`, split at its top-level commas (nested groups skipped whole). */
function splitTopLevel(text: string, open: number, close: number, closeOf: Map<number, number>): string[] {
  const starts = [open + 1];
  for (let i = open + 1; i < close; i++) {
    const nested = text[i] === '{' ? closeOf.get(i) : undefined;
    if (nested !== undefined) i = nested;
    else if (text[i] === ',') starts.push(i + 1);
  }
  if (starts.length === 1) return [];
  return starts.map((start, k) => text.slice(start, (starts[k + 1] ?? close + 1) - 1));
}

function sequence(from: string, to: string, maxWords: number): string[] | undefined {
  const numeric = /^-?\d+$/.test(from) && /^-?\d+$/.test(to);
  const a = numeric ? Number(from) : from.charCodeAt(0);
  const b = numeric ? Number(to) : to.charCodeAt(0);
  if (Math.abs(b - a) + 1 > maxWords) return undefined;
  const step = a <= b ? 1 : -1;
  const out: string[] = [];
  for (let i = a; step > 0 ? i <= b : i >= b; i += step) out.push(numeric ? String(i) : String.fromCharCode(i));
  return out;
}
