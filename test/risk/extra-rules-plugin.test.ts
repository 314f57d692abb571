// Plugins' risk rules as the gate's extra rules: they raise, never lower, and match program and
// verbs the way the built-in rules read subcommands.

import { beforeAll, describe, expect, it } from 'vitest';
import { pluginExtraRules } from '../../src/integrations/index.js';
import type { SourcedPluginRule } from '../../src/integrations/plugins/plugin-contract.js';
import { loadRiskClassifier, type Assessment, type RiskClassifier } from '../../src/risk/index.js';

const pluginRules: SourcedPluginRule[] = [
  { plugin: 'tf', program: 'terraform', verbs: ['apply', 'state rm'], level: 'destructive', why: 'changes real infrastructure' },
  { plugin: 'tf', program: 'terraform', verbs: ['plan'], level: 'network_exec', why: 'reads remote state' },
  { plugin: 'p', program: 'deploy', level: 'privileged', why: 'deploys' },
  { plugin: 'low', program: 'rm', level: 'writes', why: 'removes files' },
];
const rules = pluginExtraRules(pluginRules);

describe('plugin rules in the gate', () => {
  let risk: RiskClassifier;
  beforeAll(async () => {
    risk = await loadRiskClassifier();
  });
  const judge = (line: string): Assessment => risk.assess(line, { rules });
  const pluginReasons = (a: Assessment) => a.reasons.filter((r) => r.why.includes('(plugin '));

  it.each([
    // [line, the plugin reason it gets (undefined: none)]
    ['terraform apply -auto-approve', 'changes real infrastructure (plugin tf)'],
    ['terraform -chdir=x state rm a.b', 'changes real infrastructure (plugin tf)'],
    ['terraform plan', 'reads remote state (plugin tf)'],
    ['terraform validate', undefined],
    ['terraform applyx', undefined],
    ['terraform state list', undefined],
    ['/usr/local/bin/terraform apply', 'changes real infrastructure (plugin tf)'],
    ['./terraform apply', 'changes real infrastructure (plugin tf)'],
    ['deploy', 'deploys (plugin p)'],
    ['deploy now', 'deploys (plugin p)'],
    ['ls apply', undefined],
    ['echo terraform apply', undefined],
  ] as const)('%s → %s', (line, why) => {
    const found = pluginReasons(judge(line));
    if (why === undefined) expect(found).toEqual([]);
    else expect(found.map((r) => r.why)).toEqual([why]);
  });

  it('raises to the rule level and names the plugin in the reason', () => {
    const a = judge('deploy now');
    expect(a.level).toBe('privileged');
    expect(a.reasons[0]).toEqual({ level: 'privileged', kind: 'rule', part: 'deploy now', why: 'deploys (plugin p)' });
    expect(judge('terraform plan').level).toBe('network_exec');
  });

  it('never lowers a level', () => {
    const a = judge('rm -rf /');
    expect(a.level).toBe('destructive');
    expect(a.reasons.some((r) => r.why === 'removes files (plugin low)' && r.level === 'writes')).toBe(true);
  });

  it('keeps the other fields', () => {
    const a = judge('$X; deploy');
    expect(a.dynamic).toBe(true);
    expect(a.level).toBe('privileged');
  });
});
