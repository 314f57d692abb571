// The request flow over fake dependencies: what each key decides, what the user is told, and
// what history records, with a scripted planner and judge (no pty, no model, no bash).

import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../src/repl/request-history.js';
import { mostRestrictivePolicy } from '../../src/risk/index.js';
import { CWD, fakeFlow, planned, policyWith, verdict, type FakeFlow } from '../support/fake-flow.js';

const contained = (command: string) => ({ verb: 'contained', run: { line: command, history: command, wrapper: expect.any(Array), guard: [] } });
const lastMenu = (h: FakeFlow): string => h.menus.at(-1) ?? '';

// Every question the flow showed had a scripted answer.
const allAnswered = (h: FakeFlow): void => expect(h.unanswered).toBe(0);

describe('createRequestFlow', () => {
  it('a denied command offers no way to run, ignores the run keys, and records the denial', async () => {
    const h = fakeFlow({ plans: [planned('rm -rf build')], verdicts: { 'rm -rf build': verdict('destructive', ['rm', '-rf', 'build']) }, policy: policyWith('destructive', 'deny'), keys: ['ruaw\r'] });
    const decision = await h.handle('delete the build');
    expect(decision).toEqual({ verb: 'edit', line: 'delete the build' });
    expect(h.screen()).toContain('nl-sh will not run this: destructive → deny');
    expect(lastMenu(h)).not.toMatch(/\[[ruaw]\]/);
    expect(lastMenu(h)).toContain('(Enter: cancel)');
    expect(h.ran).toEqual([]);
    expect(h.dryRuns).toEqual([]);
    expect(h.recorded).toEqual([expect.objectContaining({ line: 'delete the build', command: 'rm -rf build', risk: 'destructive', decision: 'denied' })]);
    allAnswered(h);
  });

  it('typed confirmation with a wrong word runs nothing', async () => {
    const h = fakeFlow({ plans: [planned('rm -rf build')], verdicts: { 'rm -rf build': verdict('destructive', ['rm', '-rf', 'build']) }, keys: ['r', 'y\r'] });
    const decision = await h.handle('delete the build');
    expect(decision).toEqual({ verb: 'edit', line: 'delete the build' });
    expect(h.screen()).toContain('the policy asks for typed confirmation (destructive → confirm-typed)');
    expect(h.ran).toEqual([]);
    expect(h.recorded).toEqual([expect.objectContaining({ command: 'rm -rf build', decision: 'cancelled' })]);
    allAnswered(h);
  });

  it('typed confirmation with the right word runs it in the sandbox, and records the run when it ends', async () => {
    const h = fakeFlow({ plans: [planned('rm -rf build')], verdicts: { 'rm -rf build': verdict('destructive', ['rm', '-rf', 'build']) }, keys: ['r', 'yes\r'] });
    const decision = await h.handle('delete the build');
    expect(decision).toEqual(contained('rm -rf build'));
    expect(h.dryRuns).toEqual(['rm -rf build']);
    expect(h.recorded).toEqual([]);
    h.finish('rm -rf build', 0);
    expect(h.recorded).toEqual([expect.objectContaining({ line: 'delete the build', command: 'rm -rf build', decision: 'ran', sandbox: 'bwrap (cwd-write)', exitStatus: 0 })]);
    allAnswered(h);
  });

  it('a policy that cannot be read falls back to the most restrictive policy and says so', async () => {
    const h = fakeFlow({
      plans: [planned('ls')],
      verdicts: { ls: verdict('read_only', ['ls']) },
      policy: async () => {
        throw new Error('EIO: the disk went away');
      },
      keys: ['\r'],
    });
    const decision = await h.handle('list the files');
    expect(mostRestrictivePolicy.levels.read_only).toBe('confirm');
    expect(h.screen()).toMatch(/nl-sh: .*EIO: the disk went away.*most restrictive policy/);
    expect(h.screen()).toContain('risk: read_only → confirm');
    expect(lastMenu(h)).toContain('(Enter: cancel)');
    expect(lastMenu(h)).not.toContain('[u]');
    expect(decision).toEqual({ verb: 'edit', line: 'list the files' });
    expect(h.ran).toEqual([]);
    allAnswered(h);
  });

  it('the policy file\'s own warning is shown with the fallback it brings', async () => {
    const h = fakeFlow({
      plans: [planned('ls')],
      verdicts: { ls: verdict('read_only', ['ls']) },
      policy: async () => ({ policy: mostRestrictivePolicy, warning: 'nl-sh: policy p.toml: (syntax): expected valid TOML; using the most restrictive policy' }),
      keys: ['\r'],
    });
    expect(await h.handle('list the files')).toEqual({ verb: 'edit', line: 'list the files' });
    expect(h.screen()).toContain('nl-sh: policy p.toml: (syntax): expected valid TOML; using the most restrictive policy');
    expect(h.screen()).not.toContain('nl-sh: nl-sh:');
    allAnswered(h);
  });

  it('always allow whose approval cannot be written still runs this once and says so', async () => {
    const h = fakeFlow({
      plans: [planned('touch notes.txt')],
      verdicts: { 'touch notes.txt': verdict('writes', ['touch', 'notes.txt']) },
      remember: () => {
        throw new Error('read-only file system');
      },
      keys: ['a'],
    });
    const decision = await h.handle('make a notes file');
    expect(decision).toEqual(contained('touch notes.txt'));
    expect(h.screen()).toContain('nl-sh: could not remember the approval (read-only file system); running it this once');
    expect(h.screen()).not.toContain('remembered:');
    h.finish('touch notes.txt', 0);
    expect(h.recorded).toEqual([expect.objectContaining({ command: 'touch notes.txt', decision: 'ran (always allowed)', exitStatus: 0 })]);
    allAnswered(h);
  });

  it('revise sends the follow-up with the earlier plan, and records the run under the revised words', async () => {
    const h = fakeFlow({
      plans: [planned('ls'), planned('ls -S | head')],
      verdicts: { ls: verdict('read_only', ['ls']), 'ls -S | head': verdict('read_only') },
      keys: ['v', 'only the big ones\r', '\r'],
    });
    const decision = await h.handle('list the files');
    expect(h.planned).toEqual([
      { text: 'list the files', earlier: undefined, startAt: undefined },
      {
        text: 'only the big ones',
        earlier: [
          { role: 'user', content: 'list the files' },
          { role: 'assistant', content: JSON.stringify({ command: 'ls', explanation: 'runs ls' }) },
        ],
        startAt: undefined,
      },
    ]);
    expect(h.judged).toEqual(['ls', 'ls -S | head']);
    expect(decision).toEqual(contained('ls -S | head'));
    h.finish('ls -S | head', 0);
    expect(h.recorded).toEqual([
      expect.objectContaining({ line: 'list the files', command: 'ls', decision: 'revised' }),
      expect.objectContaining({ line: 'list the files → only the big ones', command: 'ls -S | head', decision: 'ran', exitStatus: 0 }),
    ]);
    allAnswered(h);
  });

  describe('an answer replayed from history', () => {
    const before: HistoryEntry = { at: Date.UTC(2024, 0, 2), session: 1, cwd: CWD, line: 'clean up', route: 'nl', command: 'rm -rf build', explanation: 'removes build', tier: 'local', decision: 'ran', exitStatus: 0 };

    it('is judged again, and the preview says it is replayed', async () => {
      const h = fakeFlow({ earlierAnswer: before, verdicts: { 'rm -rf build': verdict('destructive', ['rm', '-rf', 'build']) }, keys: ['\r'] });
      const decision = await h.handle('clean up');
      expect(h.planned).toEqual([]);
      expect(h.judged).toEqual(['rm -rf build']);
      expect(h.screen()).toContain('risk: destructive → confirm-typed');
      expect(h.screen()).toContain('replayed from your history: the answer given');
      expect(h.screen()).toContain('the risk is judged now');
      expect(h.screen()).toContain('by local');
      expect(lastMenu(h)).toContain('[g] ask the model again');
      expect(decision).toEqual({ verb: 'edit', line: 'clean up' });
      expect(h.recorded).toEqual([expect.objectContaining({ line: 'clean up', command: 'rm -rf build', tier: 'history', decision: 'cancelled' })]);
      allAnswered(h);
    });

    it('ask again (g) asks the planner from the first tier', async () => {
      const h = fakeFlow({
        earlierAnswer: before,
        plans: [planned('rm -rf build/cache')],
        verdicts: { 'rm -rf build': verdict('destructive', ['rm', '-rf', 'build']), 'rm -rf build/cache': verdict('destructive', ['rm', '-rf', 'build/cache']) },
        keys: ['g', 'n'],
      });
      const decision = await h.handle('clean up');
      expect(h.planned).toEqual([{ text: 'clean up', earlier: undefined, startAt: 0 }]);
      expect(h.judged).toEqual(['rm -rf build', 'rm -rf build/cache']);
      expect(h.screen()).toMatch(/from local \(fake-7b\)/);
      expect(decision).toEqual({ verb: 'edit', line: 'clean up' });
      expect(h.recorded).toEqual([expect.objectContaining({ command: 'rm -rf build/cache', tier: 'local', decision: 'cancelled' })]);
      allAnswered(h);
    });
  });

  describe('a low-confidence plan with a read-only verdict', () => {
    const script = { plans: [planned('ls -la', { lowConfidence: true })], verdicts: { 'ls -la': verdict('read_only', ['ls', '-la']) } };

    it('does not run on Enter: Enter cancels, and a line says why', async () => {
      const h = fakeFlow({ ...script, keys: ['\r'] });
      const decision = await h.handle('show everything here');
      expect(h.screen()).toContain('the model was not confident in this plan: Enter cancels; r runs it');
      expect(h.screen()).toContain('low confidence');
      expect(lastMenu(h)).toContain('(Enter: cancel)');
      expect(decision).toEqual({ verb: 'edit', line: 'show everything here' });
      expect(h.ran).toEqual([]);
      expect(h.recorded).toEqual([expect.objectContaining({ command: 'ls -la', risk: 'read_only', decision: 'cancelled' })]);
      allAnswered(h);
    });

    it('runs on r, in the read-only sandbox', async () => {
      const h = fakeFlow({ ...script, keys: ['r'] });
      expect(await h.handle('show everything here')).toEqual(contained('ls -la'));
      h.finish('ls -la', 0);
      expect(h.recorded).toEqual([expect.objectContaining({ command: 'ls -la', decision: 'ran', sandbox: 'bwrap (read-only)' })]);
      allAnswered(h);
    });
  });

  it('Ctrl-C while planning gives the line back, judges nothing and records the cancel', async () => {
    const h = fakeFlow({
      plans: [
        (opts, flow) =>
          new Promise((resolve) => {
            opts.signal?.addEventListener('abort', () => resolve({ ok: false, aborted: true, noTier: false, message: 'cancelled', attempts: [], cached: false, context: { cwd: CWD, omitted: [] } }));
            flow.send('\x03');
          }),
      ],
    });
    const decision = await h.handle('find big files');
    expect(decision).toEqual({ verb: 'edit', line: 'find big files' });
    expect(h.judged).toEqual([]);
    expect(h.menus).toEqual([]);
    expect(h.recorded).toEqual([{ cwd: CWD, line: 'find big files', route: 'nl', decision: 'cancelled while planning' }]);
    allAnswered(h);
  });
});
