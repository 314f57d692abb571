// Plugins' risk rules as a table: they raise, never lower, and match program and verbs.

import { describe, expect, it } from 'vitest';
import { applyPluginRules } from '../../src/integrations/plugin-rules.js';
import type { SourcedPluginRule } from '../../src/integrations/plugins/plugin-contract.js';

const rules: SourcedPluginRule[] = [
  { plugin: 'tf', program: 'terraform', verbs: ['apply', 'state rm'], level: 'destructive', why: 'changes real infrastructure' },
  { plugin: 'tf', program: 'terraform', verbs: ['plan'], level: 'network_exec', why: 'reads remote state' },
  { plugin: 'p', program: 'deploy', level: 'privileged', why: 'deploys' },
];
const base = (level: 'read_only' | 'writes' | 'destructive' = 'read_only') => ({ level, reasons: [], plainWords: undefined, dynamic: false });

describe('applyPluginRules', () => {
  it.each([
    [['terraform', 'apply', '-auto-approve'], 'destructive'],
    [['terraform', '-chdir=x', 'state', 'rm', 'a.b'], 'destructive'],
    [['terraform', 'plan'], 'network_exec'],
    [['terraform', 'validate'], 'read_only'],
    [['terraform', 'applyx'], 'read_only'],
    [['/usr/local/bin/terraform', 'apply'], 'destructive'],
    [['deploy'], 'privileged'],
    [['deploy', 'now'], 'privileged'],
    [['ls', 'apply'], 'read_only'],
  ] as const)('%j → %s', (words, level) => {
    expect(applyPluginRules(base(), [words], rules).level).toBe(level);
  });

  it('never lowers a level, and names the plugin in the reason', () => {
    const a = applyPluginRules(base('destructive'), [['terraform', 'plan']], rules);
    expect(a.level).toBe('destructive');
    expect(a.reasons[0]).toEqual({ level: 'network_exec', kind: 'rule', part: 'terraform plan', why: 'reads remote state (plugin tf)' });
  });

  it('keeps the other fields', () => {
    const a = applyPluginRules({ ...base(), dynamic: true }, [['deploy']], rules);
    expect(a.dynamic).toBe(true);
  });
});
