// What "always allow" remembers and the words on running without the sandbox.

import { describe, expect, it } from 'vitest';
import { approvalFor, unsandboxedReason } from '../../src/flow/flow-helpers.js';
import { guardedPaths } from '../../src/flow/contain.js';
import { buildProfile } from '../../src/sandbox/index.js';
import { decideAction, defaultPolicy, matchesApproval, type Assessment } from '../../src/risk/index.js';
import { splitWords } from '../../src/risk/policy/policy.js';

const assess = (level: Assessment['level'], plainWords: string[] | undefined, over: Partial<Assessment> = {}): Assessment => ({ level, reasons: [], dynamic: false, unknown: false, unparsable: false, plainWords, ...over });

describe('approvalFor', () => {
  it.each([
    ['read-only with a subcommand', assess('read_only', ['git', 'status', '-s']), { command: 'git status', match: 'prefix', cwd: '/p' }],
    ['read-only program only', assess('read_only', ['ls', '-la']), { command: 'ls', match: 'prefix', cwd: '/p' }],
    ['read-only with a path second', assess('read_only', ['cat', 'notes.txt']), { command: 'cat', match: 'prefix', cwd: '/p' }],
    ['writes is exact', assess('writes', ['touch', 'a b.txt']), { command: 'touch "a b.txt"', match: 'exact', cwd: '/p' }],
    ['network is never remembered', assess('network_exec', ['curl', 'x']), undefined],
    ['destructive is never remembered', assess('destructive', ['rm', 'x']), undefined],
    ['not one plain command', assess('read_only', undefined), undefined],
    ['dynamic', assess('read_only', ['ls'], { dynamic: true }), undefined],
    ['unknown', assess('read_only', ['frob'], { unknown: true }), undefined],
  ] as const)('%s', (_name, a, expected) => {
    expect(approvalFor(a, '/p')).toEqual(expected);
  });

  it('a remembered exact approval matches its own words and nothing else', () => {
    const words = ['touch', `it's "odd" \\ name`];
    const approval = approvalFor(assess('writes', words), '/p')!;
    expect(splitWords(approval.command)).toEqual(words);
    expect(matchesApproval(approval, words)).toBe(true);
    expect(matchesApproval(approval, ['touch', 'its odd name'])).toBe(false);
  });

  it('the remembered approval applies here and below, not elsewhere', () => {
    const a = assess('writes', ['touch', 'x']);
    const policy = { ...defaultPolicy, approvals: [approvalFor(a, '/home/u/p')!] };
    expect(decideAction(a, policy, '/home/u/p').action).toBe('run');
    expect(decideAction(a, policy, '/home/u/p/sub').action).toBe('run');
    expect(decideAction(a, policy, '/home/u/px').action).toBe('confirm');
    expect(decideAction(a, policy, '/home/u').action).toBe('confirm');
    expect(decideAction(a, policy).action).toBe('confirm');
  });
});

describe('unsandboxedReason', () => {
  const profile = buildProfile({ cwd: '/home/u/p', home: '/home/u', nlshConfigDir: '/home/u/.config/nl-sh', network: false });
  it('names what the sandbox stops', () => {
    expect(unsandboxedReason(assess('writes', ['touch', 'x']), profile, '/home/u')).toBe('the sandbox allows writing only in ~/p (private /tmp, no network); run without it only if the command must do more');
    expect(unsandboxedReason(assess('writes', ['touch', 'x']), profile)).toContain('only in /home/u/p ');
    expect(unsandboxedReason(assess('writes', ['x']), { ...profile, network: true })).not.toMatch(/network/);
    expect(unsandboxedReason(assess('privileged', ['sudo', 'x']), profile)).toMatch(/sudo/);
  });
});

describe('guardedPaths', () => {
  const having = (...present: string[]) => (p: string) => present.includes(p);
  it('guards the nearest absent ancestor of each protected path that does not exist, inside a repository', () => {
    expect(guardedPaths(['/p/.git/hooks', '/p/.cargo/env', '/p/.cargo/bin'], '/p', having('/p/.git'))).toEqual(['=/p', '/p/.git/hooks', '/p/.cargo']);
  });
  it('outside a repository guards .git itself instead of paths under it (a planted .git file or directory is configuration too)', () => {
    expect(guardedPaths(['/p/.git/hooks', '/p/.git/config', '/p/.ssh'], '/p', having())).toEqual(['=/p', '/p/.ssh', '/p/.git']);
  });
  it('guards nothing through a symlink that was already there, and hands protected links over with their targets', () => {
    const isLink = (p: string) => p === '/p/dots';
    expect(guardedPaths(['/p/dots/x/rc'], '/p', having('/p/dots'), [{ path: '/p/.profile', target: 'dots/profile' }, { path: '/p/dots/y', target: 'z' }], isLink)).toEqual(['=/p', '/p/.git', '/p/.profile\ndots/profile']);
  });
});
