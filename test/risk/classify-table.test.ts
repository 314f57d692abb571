import { beforeAll, describe, expect, it } from 'vitest';
import { decideAction, defaultPolicy, loadRiskClassifier, type RiskClassifier } from '../../src/risk/index.js';
import { riskCases } from './risk-cases.js';

let classifier: RiskClassifier;
beforeAll(async () => {
  classifier = await loadRiskClassifier();
});

const title = (cmd: string) => cmd.replace(/\n/g, '⏎');

for (const { section, rows } of riskCases) {
  describe(section, () => {
    it.each(rows.map(([cmd, level]) => [title(cmd), level, cmd] as const))('%s is %s', (_title, level, cmd) => {
      const assessment = classifier.classify(cmd);
      expect(assessment.level, JSON.stringify(assessment.reasons, null, 1)).toBe(level);
      for (const reason of assessment.reasons) expect(reason.part.trim()).not.toBe('');
      if (level !== 'read_only') expect(decideAction(assessment, defaultPolicy).action).not.toBe('run');
    });
  });
}
