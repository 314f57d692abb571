// How much of a preview fits the terminal: a preview taller than the screen would scroll its
// command off the top, so it folds its details behind a key and keeps the command and the risk.

/** How much of a preview is shown: all of it; the command, summary, risk and source with the
 *  details behind a key; or only the command and the risk (a very short terminal). */
export type PreviewFold = 'full' | 'folded' | 'minimal';

const FOLDS: readonly PreviewFold[] = ['full', 'folded', 'minimal'];

/** The fullest fold whose screen takes at most `rows` rows (the smallest when none does). Pure. */
export function fittingFold(rowsAt: (fold: PreviewFold) => number, rows: number): PreviewFold {
  return FOLDS.find((fold) => rowsAt(fold) <= rows) ?? 'minimal';
}

/** Rows that rendered terminal text takes from the cursor's row on: one per line end, plus the
 *  row it ends on. Pure. */
export function screenRows(text: string): number {
  let rows = 1;
  for (const ch of text) if (ch === '\n') rows++;
  return rows;
}
