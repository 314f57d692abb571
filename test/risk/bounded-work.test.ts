// Bounded work: every pathological input up to the model's 4,000 characters is judged in under
// 100 ms, with and without facts of a real directory of 3,000 files, and never judged less
// severe than it is (a walk cut short fails closed). The inputs are shared with the bench.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeGlobTree, maxCommandChars, pathologicalInputs } from '../../bench/pathological-inputs.js';
import { compareLevels } from '../../src/level.js';
import { createFsFacts, loadRiskClassifier, type FsFacts, type RiskClassifier } from '../../src/risk/index.js';

const boundMs = 100;
const runs = 3;
let classifier: RiskClassifier;
let facts: FsFacts;
let root: string;

beforeAll(async () => {
  classifier = await loadRiskClassifier();
  root = mkdtempSync(join(tmpdir(), 'nlsh-bounded-'));
  makeGlobTree(root, 3000);
  facts = createFsFacts({ cwd: root, home: root });
  // Warm-up: the first runs compile the code paths.
  for (const p of pathologicalInputs()) for (const f of [undefined, facts]) classifier.classify(p.cmd, f);
}, 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

// The work one judgement takes: the process's CPU time (user + system), so that other test files
// running in parallel on a busy CI machine cannot fail the bound by taking the CPU away. The bench
// (npm run bench) measures wall-clock time in a quiet process against the same bound.
function worstMs(cmd: string, f: FsFacts | undefined): number {
  let worst = 0;
  for (let i = 0; i < runs; i++) {
    const start = process.cpuUsage();
    classifier.classify(cmd, f);
    const used = process.cpuUsage(start);
    worst = Math.max(worst, (used.user + used.system) / 1000);
  }
  return worst;
}

describe('bounded work on pathological input', () => {
  it('every input fits the model limit', () => {
    for (const p of pathologicalInputs()) expect(p.cmd.length, p.name).toBeLessThanOrEqual(maxCommandChars);
  });

  for (const p of pathologicalInputs()) {
    it(`${p.name}: judged in < ${boundMs} ms, at least ${p.atLeast}`, () => {
      for (const f of [undefined, facts]) {
        expect(worstMs(p.cmd, f), `${p.name} ${f ? 'with' : 'without'} facts`).toBeLessThan(boundMs);
        const level = classifier.classify(p.cmd, f).level;
        expect(compareLevels(level, p.atLeast), `${p.name}: ${level}`).toBeGreaterThanOrEqual(0);
        if (!p.safe) expect(level).not.toBe('read_only');
      }
    });
  }
});
