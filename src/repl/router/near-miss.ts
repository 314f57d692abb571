// The known command a mistyped word is closest to (`gti` → `git`, `sl` → `ls`), by edit
// distance. Used after "command not found" and by the router, so a typo stays shell.

import { editDistance, isSwap } from './edit-distance.js';
import { WELL_KNOWN_PROGRAMS } from './word-lists.js';

/**
 * The known command closest to `word`. Allowed distance grows with length: a swap of two
 * neighbours for words of one or two letters (`sl` → `ls`), 1 up to four letters, 2 beyond.
 * Well-known commands win ties, then swaps, then the nearer length.
 */
export function closestCommand(word: string, commands: Iterable<string>): string | undefined {
  const limit = word.length <= 2 ? 1 : word.length <= 4 ? 1 : 2;
  let best: { name: string; rank: number[] } | undefined;
  for (const name of new Set(commands)) {
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
