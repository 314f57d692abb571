// Splits a command line into shell words with their spans, closely enough to find options and
// their values (quotes kept in the span, removed in the text); not a parser, never executes.

/** One word of a command line: its unquoted text and where its raw form sits in the line. */
export interface ShellWord {
  text: string;
  start: number;
  end: number;
}

const WORD = /(?:[^\s'"|;&()]+|'[^']*'|"(?:[^"\\]|\\.)*"?)+|\|\||&&|[|;&()]/g;
const CONTROL = new Set(['|', '||', '&&', ';', '&', '(', ')']);

/** Removes shell quoting from one raw word. */
export function unquote(raw: string): string {
  if (!raw.includes("'") && !raw.includes('"')) return raw;
  return raw.replace(/'([^']*)'|"((?:[^"\\]|\\.)*)"?/g, (_m, single: string | undefined, double: string | undefined) =>
    single ?? (double ?? '').replace(/\\(.)/g, '$1'),
  );
}

/** The line's simple commands, each a list of words, and whether each is piped into the next. */
export function splitCommands(line: string): { words: ShellWord[]; pipedOn: boolean }[] {
  const commands: { words: ShellWord[]; pipedOn: boolean }[] = [{ words: [], pipedOn: false }];
  // An exec loop, not matchAll: matchAll copies the pattern on every call, which dominated the time.
  WORD.lastIndex = 0;
  for (let m = WORD.exec(line); m; m = WORD.exec(line)) {
    const raw = m[0];
    const current = commands[commands.length - 1]!;
    if (CONTROL.has(raw)) {
      current.pipedOn = raw === '|';
      commands.push({ words: [], pipedOn: false });
    } else {
      current.words.push({ text: unquote(raw), start: m.index, end: m.index + raw.length });
    }
  }
  return commands.filter((c) => c.words.length > 0);
}
