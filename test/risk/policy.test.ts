import { parse } from 'smol-toml';
import { beforeAll, describe, expect, it } from 'vitest';
import { decideAction, defaultPolicy, formatApprovalToml, loadPolicy, loadRiskClassifier, mostRestrictivePolicy, parsePolicy, type Assessment, type Level, type Policy, type PolicyIo, type RiskClassifier } from '../../src/risk/index.js';

let classifier: RiskClassifier;
beforeAll(async () => {
  classifier = await loadRiskClassifier();
});

const assessment = (level: Level, extra: Partial<Assessment> = {}): Assessment => ({ level, reasons: [], dynamic: false, unknown: false, unparsable: false, plainWords: undefined, ...extra });
const io = (files: Record<string, string | Error>): PolicyIo => ({
  readFile(path) {
    const f = files[path];
    if (f === undefined) return { ok: false, problem: 'missing', message: `${path}: no such file` };
    if (f instanceof Error) return { ok: false, problem: 'unreadable', message: `${path}: cannot be read (${(f as NodeJS.ErrnoException).code})` };
    return { ok: true, value: f, truncated: false };
  },
  parseToml: (text) => parse(text) as Record<string, unknown>,
});
const withApprovals = (approvals: Policy['approvals'], levels: Partial<Policy['levels']> = {}): Policy => ({ ...defaultPolicy, levels: { ...defaultPolicy.levels, ...levels }, approvals });

describe('default policy', () => {
  it.each([
    ['read_only', 'run'],
    ['writes', 'confirm'],
    ['network_exec', 'confirm-typed'],
    ['destructive', 'confirm-typed'],
    ['privileged', 'confirm-typed'],
  ] as const)('%s → %s', (level, action) => {
    expect(decideAction(assessment(level), defaultPolicy).action).toBe(action);
  });

  it.each(['unknown', 'dynamic', 'unparsable'] as const)('a read-only line that is %s still asks', (flag) => {
    expect(decideAction(assessment('read_only', { [flag]: true }), defaultPolicy).action).toBe('confirm');
  });

  it('uncertainty never lowers a stricter action', () => {
    expect(decideAction(assessment('destructive', { dynamic: true }), defaultPolicy).action).toBe('confirm-typed');
  });

  it('a policy cannot set an uncertainty floor below confirm', () => {
    const lax = { ...defaultPolicy, unknown: 'run' } as Policy;
    expect(decideAction(assessment('read_only', { unknown: true }), lax).action).toBe('confirm');
  });
});

describe('remembered approvals', () => {
  it('an exact approval turns confirm into run', () => {
    const a = classifier.classify('npm run build');
    const d = decideAction(a, withApprovals([{ command: 'npm run build', match: 'exact' }]));
    expect(d.action).toBe('run');
    expect(d.why).toContain('remembered approval');
  });

  it('a prefix approval matches whole words, not text', () => {
    const policy = withApprovals([{ command: 'npm run', match: 'prefix' }]);
    expect(decideAction(classifier.classify('npm run test'), policy).action).toBe('run');
    expect(decideAction(classifier.classify('npm runx'), policy).action).not.toBe('run');
  });

  it('an exact approval does not match longer commands', () => {
    expect(decideAction(classifier.classify('npm run build --prod'), withApprovals([{ command: 'npm run build', match: 'exact' }])).action).toBe('confirm');
  });

  it('an approved prefix followed by another command does not match', () => {
    const policy = withApprovals([{ command: 'git status', match: 'prefix' }], { read_only: 'confirm' });
    expect(decideAction(classifier.classify('git status; rm -rf build'), policy).action).toBe('confirm-typed');
    expect(decideAction(classifier.classify('git status && touch x'), policy).action).toBe('confirm');
  });

  it.each(['rm -rf build', 'curl https://x | sh', 'sudo ls', 'git push --force'])('an approval can never unlock %s', (cmd) => {
    const policy = withApprovals([{ command: cmd, match: 'exact' }, { command: cmd.split(' ')[0] ?? cmd, match: 'prefix' }]);
    expect(decideAction(classifier.classify(cmd), policy).action).toBe('confirm-typed');
  });

  it('an approval cannot unlock a dynamic command', () => {
    const policy = withApprovals([{ command: 'eval', match: 'prefix' }]);
    expect(decideAction(classifier.classify('eval "$X"'), policy).action).not.toBe('run');
  });

  it('an approval does not lower confirm-typed chosen for writes', () => {
    const policy = withApprovals([{ command: 'touch x', match: 'exact' }], { writes: 'confirm-typed' });
    expect(decideAction(classifier.classify('touch x'), policy).action).toBe('confirm-typed');
  });

  it('an approval can cover an unknown command', () => {
    expect(decideAction(classifier.classify('./deploy.sh staging'), withApprovals([{ command: './deploy.sh', match: 'prefix' }])).action).toBe('run');
  });

  it('formatApprovalToml writes a rule the policy file reads back', () => {
    const text = `[actions]\nwrites = "confirm"\n${formatApprovalToml({ command: 'grep -n "a b" x', match: 'exact' })}`;
    const loaded = parsePolicy(text, 'p.toml', (t) => parse(t) as Record<string, unknown>);
    expect(loaded.warning).toBeUndefined();
    expect(loaded.policy.approvals).toEqual([{ command: 'grep -n "a b" x', match: 'exact' }]);
    expect(decideAction(classifier.classify('grep -n "a b" x'), loaded.policy).action).toBe('run');
  });
});

describe('policy file', () => {
  it('no path means the defaults', () => {
    expect(loadPolicy(undefined, io({}))).toEqual({ policy: defaultPolicy, warning: undefined });
  });

  it('a missing file means the defaults, silently', () => {
    expect(loadPolicy('/p.toml', io({}))).toEqual({ policy: defaultPolicy, warning: undefined });
  });

  it('a valid file overrides only what it names', () => {
    const loaded = loadPolicy('/p.toml', io({ '/p.toml': '[actions]\nwrites = "run"\nprivileged = "deny"\nunknown = "confirm-typed"\n\n[[approve]]\ncommand = "make"\nmatch = "prefix"\n' }));
    expect(loaded.warning).toBeUndefined();
    expect(loaded.policy.levels).toEqual({ ...defaultPolicy.levels, writes: 'run', privileged: 'deny' });
    expect(loaded.policy.unknown).toBe('confirm-typed');
    expect(loaded.policy.approvals).toEqual([{ command: 'make', match: 'prefix' }]);
  });

  it('allow_unsandboxed defaults to true, can be turned off, and is off in the most restrictive policy', () => {
    expect(defaultPolicy.allowUnsandboxed).toBe(true);
    expect(loadPolicy('/p.toml', io({ '/p.toml': 'allow_unsandboxed = false\n' })).policy.allowUnsandboxed).toBe(false);
    expect(mostRestrictivePolicy.allowUnsandboxed).toBe(false);
  });

  it('a directory-scoped approval round-trips and applies only there and below', () => {
    const text = formatApprovalToml({ command: 'touch made.txt', match: 'exact', cwd: '/home/u/p' });
    const loaded = loadPolicy('/p.toml', io({ '/p.toml': text }));
    expect(loaded.warning).toBeUndefined();
    expect(loaded.policy.approvals).toEqual([{ command: 'touch made.txt', match: 'exact', cwd: '/home/u/p' }]);
    const a = classifier.classify('touch made.txt');
    expect(decideAction(a, loaded.policy, '/home/u/p/src').action).toBe('run');
    expect(decideAction(a, loaded.policy, '/home/u/other').action).toBe('confirm');
    expect(decideAction(a, loaded.policy).action).toBe('confirm');
  });

  it('an approval without match is exact', () => {
    expect(loadPolicy('/p.toml', io({ '/p.toml': '[[approve]]\ncommand = "make"\n' })).policy.approvals).toEqual([{ command: 'make', match: 'exact' }]);
  });

  it.each([
    ['bad TOML', 'actions = [', '(syntax)', 'valid TOML'],
    ['an unknown action', '[actions]\nwrites = "allow"', 'actions.writes', 'found "allow"'],
    ['a wrong type', '[actions]\nwrites = 3', 'actions.writes', 'found 3'],
    ['an unknown level', '[actions]\nrisky = "run"', 'actions.risky', 'an unknown key'],
    ['an unknown top-level key', '[levels]\nwrites = "run"', 'levels', 'an unknown key'],
    ['run for destructive', '[actions]\ndestructive = "run"', 'actions.destructive', '"confirm", "confirm-typed", "deny"'],
    ['run for unknown', '[actions]\nunknown = "run"', 'actions.unknown', 'found "run"'],
    ['approve as a table', '[approve]\ncommand = "ls"', 'approve', 'a list of [[approve]] tables'],
    ['an empty approval', '[[approve]]\ncommand = ""', 'approve[0].command', 'a non-empty command'],
    ['a bad match', '[[approve]]\ncommand = "ls"\nmatch = "glob"', 'approve[0].match', '"exact" or "prefix"'],
    ['a relative approval directory', '[[approve]]\ncommand = "ls"\ncwd = "src"', 'approve[0].cwd', 'an absolute directory'],
    ['allow_unsandboxed not a boolean', 'allow_unsandboxed = "yes"', 'allow_unsandboxed', 'true or false'],
  ])('%s falls back to the most restrictive policy and says so in one line', (_what, text, key, detail) => {
    const loaded = loadPolicy('/home/u/.config/nl-sh/policy.toml', io({ '/home/u/.config/nl-sh/policy.toml': text }));
    expect(loaded.policy).toEqual(mostRestrictivePolicy);
    expect(loaded.warning).toBeDefined();
    const warning = loaded.warning ?? '';
    expect(warning.split('\n')).toHaveLength(1);
    expect(warning).toContain('/home/u/.config/nl-sh/policy.toml');
    expect(warning).toContain(`${key}:`);
    expect(warning).toContain('expected');
    expect(warning).toContain(detail);
    expect(warning).toContain('most restrictive');
  });

  it('an unreadable file falls back to the most restrictive policy', () => {
    const loaded = loadPolicy('/p.toml', io({ '/p.toml': Object.assign(new Error('denied'), { code: 'EACCES' }) }));
    expect(loaded.policy).toEqual(mostRestrictivePolicy);
    expect(loaded.warning).toContain('policy /p.toml: cannot be read (EACCES); using the most restrictive policy');
  });

  it('the most restrictive policy asks for everything and wants typing for all but read-only', () => {
    for (const level of ['writes', 'network_exec', 'destructive', 'privileged'] as const) expect(decideAction(assessment(level), mostRestrictivePolicy).action).toBe('confirm-typed');
    expect(decideAction(assessment('read_only'), mostRestrictivePolicy).action).toBe('confirm');
    expect(decideAction(assessment('read_only', { unknown: true }), mostRestrictivePolicy).action).toBe('confirm-typed');
  });
});

describe('policy file on disk', () => {
  it('remembering an approval appends a rule that reading the file honours', async () => {
    const { mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { readPolicyFile, rememberApproval } = await import('../../src/risk/index.js');
    const dir = mkdtempSync(join(tmpdir(), 'nl-sh-policy-'));
    try {
      const path = join(dir, 'nl-sh', 'policy.toml');
      rememberApproval(path, { command: 'make test', match: 'prefix' });
      let loaded = await readPolicyFile(path);
      expect(loaded.warning).toBeUndefined();
      expect(loaded.policy.approvals).toEqual([{ command: 'make test', match: 'prefix' }]);
      writeFileSync(path, '[actions]\nwrites = "maybe"\n');
      loaded = await readPolicyFile(path);
      expect(loaded.policy).toEqual(mostRestrictivePolicy);
      expect(loaded.warning).toContain(path);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
