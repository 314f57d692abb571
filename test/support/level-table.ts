// A table test for the risk gate: each row is a command and the level it must get; a row that is
// not read-only must also never run on Enter under the default policy.

import { beforeAll, describe, expect, it } from 'vitest';
import { decideAction, defaultPolicy, loadRiskClassifier, type Level, type RiskClassifier } from '../../src/risk/index.js';

let classifier: RiskClassifier | undefined;

/** Declare one describe block of [command, level] rows, judged without filesystem facts. */
export function describeLevels(title: string, rows: readonly (readonly [string, Level])[]): void {
  describe(title, () => {
    beforeAll(async () => {
      classifier ??= await loadRiskClassifier();
    });
    it.each(rows.map(([cmd, level]) => [cmd.replace(/\n/g, '⏎'), level, cmd] as const))('%s is %s', (_title, level, cmd) => {
      const assessment = (classifier as RiskClassifier).classify(cmd);
      expect(assessment.level, JSON.stringify(assessment.reasons, null, 1)).toBe(level);
      if (level !== 'read_only') expect(decideAction(assessment, defaultPolicy).action).not.toBe('run');
    });
  });
}
