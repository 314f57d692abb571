// After a shell line exits 127 (command not found): either a near miss of a known command
// ("did you mean `git status`?") or an offer to ask the model what the line meant. Pure: the
// known commands arrive as parameters.

import { editDistance, isSwap } from './edit-distance.js';
import { shapeLine } from './line-shape.js';
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
  const replacement = splitGluedCommand(word.text, facts) ?? closestCommand(word.text, facts);
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

/**
 * The known command closest to `word`. Allowed distance grows with length: a swap of two
 * neighbours for words of one or two letters (`sl` → `ls`), 1 up to four letters, 2 beyond.
 * Well-known commands win ties, then swaps, then the nearer length.
 */
function closestCommand(word: string, facts: NotFoundFacts): string | undefined {
  const limit = word.length <= 2 ? 1 : word.length <= 4 ? 1 : 2;
  let best: { name: string; rank: number[] } | undefined;
  for (const name of new Set(facts.commands)) {
    if (name === word || Math.abs(name.length - word.length) > limit) continue;
    const swap = isSwap(word, name);
    if (word.length <= 2 && !(swap && WELL_KNOWN_PROGRAMS.has(name))) continue;
    const distance = editDistance(word, name, limit);
    if (distance > limit) continue;
    const rank = [distance, WELL_KNOWN_PROGRAMS.has(name) ? 0 : 1, swap ? 0 : 1, Math.abs(name.length - word.length)];
    if (!best || compareRanks(rank, best.rank) < 0 || (compareRanks(rank, best.rank) === 0 && name < best.name)) {
      best = { name, rank };
    }
  }
  if (!best) return undefined;
  // A distance-2 guess at something obscure is noise, not help.
  if (best.rank[0] === 2 && best.rank[1] === 1) return undefined;
  return best.name;
}

function compareRanks(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}
