// The secret corpus (test/fixtures/secrets/corpus.jsonl): no secret survives redaction, and at
// most 2% of the ordinary lines come out changed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { redactSecrets } from '../../src/planner/redact.js';

interface CorpusRow {
  place: string;
  text: string;
  secret?: string;
}

const rows: CorpusRow[] = readFileSync(new URL('../fixtures/secrets/corpus.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as CorpusRow);

describe('the secret corpus', () => {
  it('holds at least 150 secrets and 100 ordinary lines', () => {
    expect(rows.filter((r) => r.secret !== undefined).length).toBeGreaterThanOrEqual(150);
    expect(rows.filter((r) => r.secret === undefined).length).toBeGreaterThanOrEqual(100);
  });

  it('leaks no secret', () => {
    const leaks = rows.filter((r) => r.secret !== undefined && redactSecrets(r.text).includes(r.secret)).map((r) => `[${r.place}] ${r.text}`);
    expect(leaks).toEqual([]);
  });

  it('alters at most 2% of the ordinary lines', () => {
    const ordinary = rows.filter((r) => r.secret === undefined);
    const altered = ordinary.filter((r) => redactSecrets(r.text) !== r.text);
    expect(altered.length / ordinary.length).toBeLessThanOrEqual(0.02);
  });
});
