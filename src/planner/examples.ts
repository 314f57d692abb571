// Few-shot examples for small local models, chosen for the request: BM25 over the matching terms
// of each example (its request's words and its command's words), ties broken by order, so the same
// request always gets the same examples. Pure: the corpus and the user's own pairs come in.

import { termsOf } from './example-terms.js';

/** A request as a person types it and the command that does it. */
export interface CommandExample {
  request: string;
  command: string;
}

/** What to choose: how many, and the user's own pairs that ran successfully (they compete with the corpus and win ties). */
export interface ChooseOptions {
  k?: number;
  own?: readonly CommandExample[];
}

/** Chooses the examples nearest a request. */
export interface ExampleChooser {
  /** At most `k` (default 4) examples that share a term with `request`, best first, no command twice. */
  choose(request: string, opts?: ChooseOptions): CommandExample[];
}

interface Doc {
  example: CommandExample;
  counts: Map<string, number>;
  length: number;
}

// BM25's usual constants: term-frequency saturation and length normalisation.
const K1 = 1.2;
const B = 0.75;

function docOf(example: CommandExample): Doc {
  // The command's words count once each: they name the programs ("find", "jq") without drowning the request.
  const terms = [...termsOf(example.request), ...new Set(termsOf(example.command))];
  const counts = new Map<string, number>();
  for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
  return { example, counts, length: terms.length };
}

function addFrequencies(into: Map<string, number>, docs: readonly Doc[]): void {
  for (const doc of docs) for (const term of doc.counts.keys()) into.set(term, (into.get(term) ?? 0) + 1);
}

function score(doc: Doc, query: readonly string[], df: ReadonlyMap<string, number>, total: number, avgLength: number): number {
  let sum = 0;
  for (const term of query) {
    const tf = doc.counts.get(term);
    if (!tf) continue;
    const n = df.get(term) ?? 0;
    const idf = Math.log(1 + (total - n + 0.5) / (n + 0.5));
    sum += (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * doc.length) / avgLength));
  }
  return sum;
}

/** A chooser over `corpus` (its terms are computed once, here). */
export function createExampleChooser(corpus: readonly CommandExample[]): ExampleChooser {
  const corpusDocs = corpus.map(docOf);
  const corpusDf = new Map<string, number>();
  addFrequencies(corpusDf, corpusDocs);
  return {
    choose(request, opts = {}) {
      const query = [...new Set(termsOf(request))];
      const k = opts.k ?? 4;
      if (query.length === 0 || k <= 0) return [];
      const ownDocs = (opts.own ?? []).map(docOf);
      const docs = [...ownDocs, ...corpusDocs];
      const df = ownDocs.length > 0 ? new Map(corpusDf) : corpusDf;
      if (ownDocs.length > 0) addFrequencies(df, ownDocs);
      const avgLength = docs.reduce((s, d) => s + d.length, 0) / Math.max(docs.length, 1);
      const ranked = docs
        .map((doc, order) => ({ doc, order, score: score(doc, query, df, docs.length, avgLength) }))
        .filter((r) => r.score > 0)
        .sort((a, b) => b.score - a.score || a.order - b.order);
      const chosen: CommandExample[] = [];
      const commands = new Set<string>();
      for (const { doc } of ranked) {
        const key = doc.example.command.replace(/\s+/g, ' ').trim();
        if (commands.has(key)) continue;
        commands.add(key);
        chosen.push(doc.example);
        if (chosen.length === k) break;
      }
      return chosen;
    },
  };
}
