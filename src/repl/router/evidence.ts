// Evidence for a route: a signed weight (positive: the line reads as a command; negative: as
// prose) with a short note that names what was seen. The route's reason is built from notes.

/** One piece of evidence: `weight` > 0 leans shell, < 0 leans natural language. */
export interface Evidence {
  readonly weight: number;
  readonly note: string;
  /** Set on evidence other rules look for. */
  readonly signal?: 'function-words';
}

/** The sum of the weights. */
export function sumEvidence(list: readonly Evidence[]): number {
  let total = 0;
  for (const item of list) total += item.weight;
  return total;
}

/** The notes that pushed toward the chosen side, strongest first, at most `limit`. */
export function strongestNotes(list: readonly Evidence[], side: 1 | -1, limit: number): string[] {
  return list
    .filter((item) => item.weight * side > 0)
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight))
    .slice(0, limit)
    .map((item) => item.note);
}
