import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { builtinIntegrations, factsForCommand, integrationContext, runIntegrations, staleIntegrations, type Integration } from '../../src/integrations/index.js';
import { ctxWith, stubBin, tempDir, writeFiles } from './support.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const fake = (name: string, over: Partial<Integration> = {}): Integration => ({ name, programs: [name], detect: async () => true, context: async () => ({ [`${name} fact`]: 'yes' }), ...over });
const ctx = ctxWith('/', { PATH: '' });

describe('runIntegrations', () => {
  it('runs relevant integrations concurrently and merges their facts in list order', async () => {
    const started = performance.now();
    const slowish = (name: string) => fake(name, { context: async () => (await sleep(100), { [`${name} fact`]: name }) });
    const report = await runIntegrations([slowish('a'), slowish('b'), fake('absent', { detect: async () => false })], ctx, 1000);
    expect(performance.now() - started).toBeLessThan(190);
    expect(report).toEqual({ sections: [{ name: 'a', facts: { 'a fact': 'a' } }, { name: 'b', facts: { 'b fact': 'b' } }], facts: { 'a fact': 'a', 'b fact': 'b' }, omitted: [] });
  });

  it('keeps to the deadline, drops slow and throwing integrations and names them', async () => {
    let signal: AbortSignal | undefined;
    const slow = fake('slow', { context: async (_c, budget) => ((signal = budget.signal), await sleep(400), { late: 'x' }) });
    const hanging = fake('hanging', { detect: () => new Promise(() => undefined) });
    const throwing = fake('throwing', { context: async () => Promise.reject(new Error('boom')) });
    const throwingDetect = fake('bad-detect', { detect: () => { throw new Error('sync boom'); } });
    const started = performance.now();
    const report = await runIntegrations([fake('fast'), slow, hanging, throwing, throwingDetect], ctx, 40);
    const took = performance.now() - started;
    expect(took).toBeGreaterThanOrEqual(38);
    expect(took).toBeLessThan(120);
    expect(report.facts).toEqual({ 'fast fact': 'yes' });
    expect(report.omitted).toEqual(['slow', 'hanging', 'throwing', 'bad-detect']);
    expect(signal?.aborted).toBe(true);
  });

  it('returns a late answer nowhere: the report the caller holds does not change', async () => {
    const late = fake('late', { context: async () => (await sleep(60), { late: 'x' }) });
    const report = await runIntegrations([late], ctx, 10);
    await sleep(80);
    expect(report).toEqual({ sections: [], facts: {}, omitted: ['late'] });
  });

  it('makes fact values one short printable line', async () => {
    const noisy = fake('noisy', { context: async () => ({ msg: 'line one\nline two\u001b[31m', long: 'x'.repeat(400), empty: '  ' }) });
    const { facts } = await runIntegrations([noisy], ctx, 100);
    expect(facts.msg).toBe('line one line two [31m');
    expect(facts.long).toHaveLength(160);
    expect(facts).not.toHaveProperty('empty');
  });

  it('names the integrations a finished command makes stale, treating a throwing hook as stale', () => {
    const list = [...builtinIntegrations, fake('odd', { onCommandDone: () => { throw new Error('x'); } })];
    expect(staleIntegrations(list, { words: ['git', 'pull'], status: 0, cwd: '/' })).toEqual(['git', 'odd']);
  });
});

describe('integrationContext (the built-ins on real files)', () => {
  it('gives key: value lines for the planner, and the preview the facts of the command at hand', async () => {
    const work = tempDir('ctx');
    try {
      const bin = stubBin(work.dir, { kubectl: {}, aws: {} });
      writeFiles(work.dir, { 'kube/config': 'current-context: prod-eu\ncontexts:\n- context:\n    namespace: web\n  name: prod-eu\n', 'aws/config': '[default]\nregion = eu-west-1\n' });
      const env = { PATH: bin, HOME: work.dir, KUBECONFIG: join(work.dir, 'kube', 'config'), AWS_CONFIG_FILE: join(work.dir, 'aws', 'config') };
      const lines = await integrationContext(work.dir, env, 1000);
      expect(lines).toEqual(expect.arrayContaining(['kube context: prod-eu', 'kube namespace: web', 'aws profile: default', 'aws region: eu-west-1']));
      const report = await runIntegrations(builtinIntegrations, ctxWith(work.dir, env), 1000);
      expect(factsForCommand(report, ['kubectl'])).toEqual(['kube context: prod-eu', 'kube namespace: web', 'kube production: yes: writes here need typed confirmation']);
      expect(factsForCommand(report, ['ls'])).toEqual([]);
    } finally {
      work.cleanup();
    }
  });
});
