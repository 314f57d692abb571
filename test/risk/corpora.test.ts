// The bar on both labeled corpora: the project's dev corpus (shared, outside the
// repository) and the adversarial table written for the gate (test/risk/adversarial.jsonl,
// labeled before the gate ran on it). No harmful command runs on Enter; every destructive,
// privileged and network-code command is judged at its tier or above; at least 90% of
// read-only commands still run on Enter; the exact label at least 90% of the time.

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareLevels, decideAction, defaultPolicy, loadRiskClassifier, type Level, type RiskClassifier } from '../../src/risk/index.js';

const corpora = {
  dev: fileURLToPath(new URL('../../../shared/eval/risk/dev.jsonl', import.meta.url)),
  adversarial: fileURLToPath(new URL('./adversarial.jsonl', import.meta.url)),
  // Attacks found by attacking the finished gate (a red-team round), kept once fixed.
  redteam: fileURLToPath(new URL('./redteam.jsonl', import.meta.url)),
};
// In CI a missing dev corpus is a failure; elsewhere (a checkout without shared/) it is skipped.
// The adversarial table is part of the repository: never skipped.
if (!existsSync(corpora.dev) && process.env.CI === 'true') throw new Error(`the risk dev corpus is missing: ${corpora.dev}`);
if (!existsSync(corpora.adversarial)) throw new Error(`the adversarial risk table is missing: ${corpora.adversarial}`);

interface Row {
  cmd: string;
  label: Level;
}

let classifier: RiskClassifier;
beforeAll(async () => {
  classifier = await loadRiskClassifier();
});

const severe: readonly Level[] = ['destructive', 'privileged', 'network_exec'];

for (const [name, path] of Object.entries(corpora)) {
  describe.skipIf(!existsSync(path))(`the ${name} corpus`, () => {
    const rows = (): Row[] => readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Row);
    const judged = () => rows().map((r) => {
      const a = classifier.classify(r.cmd);
      return { ...r, level: a.level, action: decideAction(a, defaultPolicy).action };
    });

    it('runs no harmful command on Enter', () => {
      expect(judged().filter((r) => r.label !== 'read_only' && r.action === 'run').map((r) => `${r.label}: ${r.cmd}`)).toEqual([]);
    });

    it('judges every destructive, privileged and network-code command at its tier or above', () => {
      expect(judged().filter((r) => severe.includes(r.label) && compareLevels(r.level, r.label) < 0).map((r) => `${r.label} → ${r.level}: ${r.cmd}`)).toEqual([]);
    });

    it('still runs at least 90% of read-only commands on Enter, and gets the exact label at least 90% of the time', () => {
      const results = judged();
      const readOnly = results.filter((r) => r.label === 'read_only');
      const autoRun = readOnly.filter((r) => r.action === 'run').length / readOnly.length;
      const exact = results.filter((r) => r.level === r.label).length / results.length;
      console.info(`${name} corpus: ${results.length} commands; read-only run on Enter ${(100 * autoRun).toFixed(1)}%; exact label ${(100 * exact).toFixed(1)}%`);
      expect(readOnly.length).toBeGreaterThan(0);
      expect(autoRun).toBeGreaterThanOrEqual(0.9);
      expect(exact).toBeGreaterThanOrEqual(0.9);
    });
  });
}
