// Whether a name (a kube context or namespace, an account) looks like production: a leaf, so the
// integration that reports the fact and the risk gate that tests a rule's condition (an option's
// value on the command line) use the one same test. Names are split into words
// (on punctuation, digits and camelCase); `prod`, `production`, `prd` or `live` as a word is
// production, unless the word before it is `pre` or `non` (`pre-prod`, `non_prod`). Whole
// words only: `product-demo`, `preprod`, `nonprod` and `liveness` are not production.

const productionWords = new Set(['prod', 'production', 'prd', 'live']);
const negations = new Set(['pre', 'non']);

/** The words of a name: `gke_acme_eu-prod1` → gke, acme, eu, prod. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((w) => w !== '');
}

/** True when a context, cluster or namespace name looks like production. */
export function isProductionLike(name: string): boolean {
  const words = nameWords(name);
  return words.some((w, i) => productionWords.has(w) && !negations.has(words[i - 1] ?? ''));
}
