// After a shell line exits 127 (command not found): either a near miss of a known command
// ("did you mean `git status`?") or an offer to ask the model what the line meant. Pure: the
// known commands arrive as parameters.

import { shapeLine } from './line-shape.js';
import { closestCommand } from './near-miss.js';
import { DEFAULT_ROUTE_CONFIG, type CommandKind } from './route-types.js';
import { route } from './route.js';
import { WELL_KNOWN_PROGRAMS } from './word-lists.js';

/** What to offer after "command not found". */
export type NotFoundSuggestion =
  | { readonly kind: 'typo'; /** the word bash did not find */ readonly command: string; /** the corrected line */ readonly suggestion: string }
  | { readonly kind: 'ask' };

/** What the suggestion may consult. */
export interface NotFoundFacts {
  typeOf(word: string): CommandKind;
  /** Every command name bash knows (aliases, functions, builtins, PATH). */
  readonly commands: readonly string[];
}

/** Suggest a correction for a line whose command was not found, or offer to ask the model. */
export function suggestForNotFound(line: string, facts: NotFoundFacts): NotFoundSuggestion {
  const shape = shapeLine(line.trim());
  const segment = shape.segments.find((s) => s.lead >= 0 && facts.typeOf(s.words[s.lead]!.text) === '');
  if (!segment) return { kind: 'ask' };
  const word = segment.words[segment.lead]!;
  if (word.quoted || word.expands || word.text.includes('/')) return { kind: 'ask' };
  const replacement = splitGluedCommand(word.text, facts) ?? closestCommand(word.text, facts.commands);
  if (!replacement) return { kind: 'ask' };
  const text = line.trim();
  const suggestion = text.slice(0, word.start) + replacement + text.slice(word.start + word.text.length);
  // A corrected line that still reads as a sentence was a sentence: ask the model instead.
  if (route(suggestion, { typeOf: (w) => facts.typeOf(w), config: DEFAULT_ROUTE_CONFIG }).route !== 'shell') {
    return { kind: 'ask' };
  }
  return { kind: 'typo', command: word.text, suggestion };
}

/** `cd..` → `cd ..`, `ls-la` → `ls -la`: a known command glued to its first argument. */
function splitGluedCommand(word: string, facts: NotFoundFacts): string | undefined {
  const match = /^([a-z][a-z0-9]*?)([./~].*|-[a-zA-Z]{1,2})$/.exec(word);
  if (!match) return undefined;
  const [, head, rest] = match as unknown as [string, string, string];
  const kind = facts.typeOf(head);
  const everyday = kind === 'builtin' || (kind !== '' && WELL_KNOWN_PROGRAMS.has(head));
  return everyday ? `${head} ${rest}` : undefined;
}
