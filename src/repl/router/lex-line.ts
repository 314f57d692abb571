// A small, quote-aware bash lexer for routing. It never fails: it splits one line into words
// and operators the way bash would at the top level, and records what it saw (quotes,
// expansions, escapes, globs) and what did not balance. It is the router's view of the line
// when the real parser is not loaded yet, and the source of word-level facts when it is.

/** One word as bash would split it, with what kind of shell syntax it contains. */
export interface LexWord {
  readonly kind: 'word';
  readonly text: string;
  /** Where the word starts in the line. */
  readonly start: number;
  /** Holds a quote character (`'`, `"`, `$'`) somewhere. */
  readonly quoted: boolean;
  /** Is one quoted string from end to end (`"a b"`, `'x'`). */
  readonly wholeQuoted: boolean;
  /** Holds an unquoted or double-quoted `$`, `${}`, `$()`, backticks or `<()`. */
  readonly expands: boolean;
  /** Holds a command substitution (`$(...)`, backticks, `<(...)`). */
  readonly substitutes: boolean;
  /** Holds a backslash escape outside quotes. */
  readonly escaped: boolean;
  /** Holds an unquoted `*`, `?` or `[`. */
  readonly glob: boolean;
}

/** A control or redirection operator (`|`, `&&`, `;`, `>`, `2>&1`'s `2>&`, `(`...). */
export interface LexOperator {
  readonly kind: 'op';
  readonly text: string;
}

/** One token of a lexed line. */
export type LexToken = LexWord | LexOperator;

/** The lexed line. */
export interface LexedLine {
  readonly tokens: readonly LexToken[];
  /** The first quote or bracket that was never closed: `'`, `"`, `` ` ``, `$(`, `${`, or ''. */
  readonly unclosed: string;
  /** Ends with a backslash: bash would read a continuation line. */
  readonly trailingBackslash: boolean;
}

const OPERATORS = ['&>>', '<<<', '<<-', ';;&', '&>', '>>', '>&', '>|', '<<', '<&', '<>', '||', '|&', '&&', ';;', ';&', '|', '&', ';', '(', ')', '<', '>'];
const OPERATOR_START = new Set('|&;()<>');

const isBlank = (c: string): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r';

/** Lex one line; lines are short, so this is a single linear pass with no backtracking. */
export function lexLine(line: string): LexedLine {
  const tokens: LexToken[] = [];
  let unclosed = '';
  let trailingBackslash = false;
  const n = line.length;
  let i = 0;
  while (i < n) {
    const c = line[i]!;
    if (isBlank(c)) {
      i++;
      continue;
    }
    if (c === '#') break; // a comment runs to the end of the line
    // A redirection with a file descriptor in front (`2>`, `2>&1`'s `2>&`).
    const fd = /^\d{1,2}(?=[<>])/.exec(line.slice(i, i + 3));
    if (fd && line[i + fd[0].length + 1] !== '(') {
      const op = matchOperator(line, i + fd[0].length);
      tokens.push({ kind: 'op', text: fd[0] + op });
      i += fd[0].length + op.length;
      continue;
    }
    if (OPERATOR_START.has(c) && !((c === '<' || c === '>') && line[i + 1] === '(')) {
      const op = matchOperator(line, i);
      tokens.push({ kind: 'op', text: op });
      i += op.length;
      continue;
    }
    const word = scanWord(line, i);
    tokens.push(word.token);
    if (word.unclosed && !unclosed) unclosed = word.unclosed;
    if (word.trailingBackslash) trailingBackslash = true;
    i = word.end;
  }
  return { tokens, unclosed, trailingBackslash };
}

function matchOperator(line: string, at: number): string {
  for (const op of OPERATORS) if (line.startsWith(op, at)) return op;
  return line[at]!;
}

interface ScannedWord {
  token: LexWord;
  end: number;
  unclosed: string;
  trailingBackslash: boolean;
}

function scanWord(line: string, start: number): ScannedWord {
  const n = line.length;
  let i = start;
  let quoted = false;
  let expands = false;
  let substitutes = false;
  let escaped = false;
  let glob = false;
  let unclosed = '';
  let trailingBackslash = false;
  let quotedSpans = 0;
  let unquotedChars = 0;
  while (i < n) {
    const c = line[i]!;
    if (isBlank(c)) break;
    if (OPERATOR_START.has(c)) {
      // `<(...)` / `>(...)` process substitution inside a word, and `=(` array or extglob `@(`.
      const prev = line[i - 1];
      if ((c === '<' || c === '>') && line[i + 1] === '(') {
        const end = skipBalanced(line, i + 1, '(', ')');
        expands = substitutes = true;
        unquotedChars++;
        if (end < 0) {
          unclosed ||= '$(';
          i++;
        } else i = end;
        continue;
      }
      if (c === '(' && prev !== undefined && '=@!?*+'.includes(prev)) {
        const end = skipBalanced(line, i, '(', ')');
        unquotedChars++;
        if (end < 0) {
          unclosed ||= '(';
          i++;
        } else i = end;
        continue;
      }
      break;
    }
    if (c === '\\') {
      if (i + 1 >= n) {
        trailingBackslash = true;
        i++;
        break;
      }
      escaped = true;
      unquotedChars++;
      i += 2;
      continue;
    }
    if (c === "'" || (c === '$' && line[i + 1] === "'")) {
      quoted = true;
      quotedSpans++;
      const open = c === '$' ? i + 1 : i;
      const close = line.indexOf("'", open + 1);
      if (close < 0) {
        // An apostrophe that never closes (`what's`): bash would wait for more input; the
        // router reads it as a literal so the words after it stay words.
        unclosed ||= "'";
        unquotedChars++;
        i = open + 1;
        continue;
      }
      i = close + 1;
      continue;
    }
    if (c === '"') {
      quoted = true;
      quotedSpans++;
      const end = skipDoubleQuoted(line, i + 1);
      if (end.expands) expands = true;
      if (end.substitutes) substitutes = true;
      if (end.at < 0) {
        unclosed ||= '"';
        unquotedChars++;
        i++;
        continue;
      }
      i = end.at;
      continue;
    }
    if (c === '`') {
      expands = substitutes = true;
      unquotedChars++;
      const close = line.indexOf('`', i + 1);
      if (close < 0) {
        unclosed ||= '`';
        i++;
        continue;
      }
      i = close + 1;
      continue;
    }
    if (c === '$') {
      const next = line[i + 1];
      unquotedChars++;
      if (next === '(' || next === '{') {
        expands = true;
        if (next === '(') substitutes = true;
        const end = skipBalanced(line, i + 1, next, next === '(' ? ')' : '}');
        if (end < 0) {
          unclosed ||= next === '(' ? '$(' : '${';
          i++;
          continue;
        }
        i = end;
        continue;
      }
      if (next !== undefined && /[A-Za-z_0-9@*#?$!-]/.test(next)) expands = true;
      i++;
      continue;
    }
    if (c === '*' || c === '?' || c === '[') glob = true;
    unquotedChars++;
    i++;
  }
  const text = line.slice(start, i);
  const wholeQuoted = quotedSpans === 1 && unquotedChars === 0 && text.length > 1;
  return {
    token: { kind: 'word', text, start, quoted, wholeQuoted, expands, substitutes, escaped, glob },
    end: i,
    unclosed,
    trailingBackslash,
  };
}

/** Index just past the closing `"`, or -1; notes expansions inside. */
function skipDoubleQuoted(line: string, from: number): { at: number; expands: boolean; substitutes: boolean } {
  let expands = false;
  let substitutes = false;
  for (let i = from; i < line.length; i++) {
    const c = line[i];
    if (c === '\\') {
      i++;
    } else if (c === '"') {
      return { at: i + 1, expands, substitutes };
    } else if (c === '$' && line[i + 1] !== undefined && /[A-Za-z_{(0-9@*#?$!]/.test(line[i + 1]!)) {
      expands = true;
      if (line[i + 1] === '(') substitutes = true;
    } else if (c === '`') {
      expands = substitutes = true;
    }
  }
  return { at: -1, expands, substitutes };
}

/** Index just past the bracket that closes the one at `openAt`, or -1 (quotes respected). */
function skipBalanced(line: string, openAt: number, open: string, close: string): number {
  let depth = 0;
  for (let i = openAt; i < line.length; i++) {
    const c = line[i];
    if (c === '\\') i++;
    else if (c === "'" && open === '(') {
      const q = line.indexOf("'", i + 1);
      if (q < 0) return -1;
      i = q;
    } else if (c === '"') {
      const q = skipDoubleQuoted(line, i + 1).at;
      if (q < 0) return -1;
      i = q - 1;
    } else if (c === open) depth++;
    else if (c === close && --depth === 0) return i + 1;
  }
  return -1;
}
