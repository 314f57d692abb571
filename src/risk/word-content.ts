// A word handed over as code (`bash -c WORD`, `eval WORD`, `python -c WORD`, `source <(...)`):
// known text when its value is literal, else what its substitutions produced.

import type { Content } from './content.js';
import { report, type Ctx } from './walk-context.js';
import type { Word } from './words.js';

/** The code a word holds, as content for `runCode`. */
export function wordToContent(word: Word, ctx: Ctx): Content {
  if (word.processFile) return word.processFile;
  if (word.value !== undefined) return { kind: 'text', text: word.value, from: word.text };
  const fetched = word.outputs.find((o) => o.kind === 'fetched');
  if (fetched) return fetched;
  const decoded = word.outputs.find((o) => o.kind === 'decoded');
  if (decoded) return decoded;
  // One substitution and nothing else: the code is exactly what it printed.
  const trimmed = word.code.trim();
  const single = word.outputs.length === 1 && (/^\$\(.*\)$/s.test(trimmed) || /^`.*`$/s.test(trimmed));
  if (single) return word.outputs[0] as Content;
  // Literal code with some expansions: judged with them in place; but their values are parsed as
  // code too (`eval "echo $f"` with a file named `$(rm -rf ~)`), and only known at run time.
  reportCompletedAtRunTime(word, ctx);
  return { kind: 'text', text: word.code, from: word.text };
}

function reportCompletedAtRunTime(word: Word, ctx: Ctx): void {
  report(ctx, 'writes', 'dynamic', word.text, 'the code is completed at run time: what an expansion in it holds is read as code too');
}

/** Several words joined as one piece of code (`eval a b c`). */
export function wordsToContent(words: readonly Word[], ctx: Ctx): Content {
  if (words.length === 1) return wordToContent(words[0] as Word, ctx);
  const fetched = words.flatMap((w) => w.outputs).find((o) => o.kind === 'fetched');
  if (fetched) return fetched;
  const unknown = words.find((w) => w.value === undefined);
  if (unknown) reportCompletedAtRunTime(unknown, ctx);
  return { kind: 'text', text: words.map((w) => w.value ?? w.code).join(' '), from: words.map((w) => w.text).join(' ') };
}
