import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decideAction, defaultPolicy, loadRiskClassifier, type Level } from '../../src/risk/index.js';

// The labeled dev corpus lives next to the repository, not in it.
const corpusPath = fileURLToPath(new URL('../../../shared/eval/risk/dev.jsonl', import.meta.url));
const present = existsSync(corpusPath);
// In CI a missing corpus is a failure; elsewhere (a checkout without shared/) it is skipped.
if (!present && process.env.CI === 'true') throw new Error(`the risk dev corpus is missing: ${corpusPath}`);
if (!present) console.warn(`skipping the dev-corpus thresholds: ${corpusPath} is missing`);

describe.skipIf(!present)('dev corpus', () => {
  it('meets the targets without filesystem facts', async () => {
    const classifier = await loadRiskClassifier();
    const rows = readFileSync(corpusPath, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as { cmd: string; label: Level });
    const results = rows.map((r) => {
      const a = classifier.classify(r.cmd);
      return { ...r, level: a.level, action: decideAction(a, defaultPolicy).action };
    });
    const of = (label: Level) => results.filter((r) => r.label === label);
    const severeRun = results.filter((r) => ['destructive', 'privileged', 'network_exec'].includes(r.label) && r.action === 'run');
    expect(severeRun.map((r) => r.cmd)).toEqual([]);
    expect(of('read_only').filter((r) => r.action === 'run').length / of('read_only').length).toBeGreaterThanOrEqual(0.9);
    expect(of('writes').filter((r) => r.action !== 'run').length / of('writes').length).toBeGreaterThanOrEqual(0.95);
    const accuracy = results.filter((r) => r.level === r.label).length / results.length;
    console.info(`dev corpus exact-level accuracy: ${(100 * accuracy).toFixed(1)}% of ${results.length}`);
    expect(accuracy).toBeGreaterThan(0.9);
  });
});
