// What each tier receives through the planner: local tiers the context as gathered, cloud tiers
// only what the request needs, redacted; and `--show-context`'s preview is exactly what was sent.

import { describe, expect, it } from 'vitest';
import { createPlanner, type PlannerDeps } from '../../src/planner/planner.js';
import { previewRequest } from '../../src/planner/context-preview.js';
import type { ModelBackend, ModelRequest } from '../../src/planner/model-backend.js';
import type { ContextSources } from '../../src/planner/context.js';

const plan = JSON.stringify({ command: 'ls', explanation: 'x', parts: [], assumptions: [], needs_network: false, needs_root: false, confidence: 0.1 });
const secret = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789';

function capturing(locality: 'local' | 'cloud', seen: ModelRequest[]): ModelBackend {
  return {
    name: locality,
    locality,
    checkAvailable: async () => ({ ok: true }),
    complete: async (r) => (seen.push(r), { text: plan, usage: { inputTokens: 1, outputTokens: 1 }, model: 'm' }),
    stream: async (r, onText) => (seen.push(r), onText('ok'), { text: 'ok', usage: { inputTokens: 1, outputTokens: 1 }, model: 'm' }),
  };
}

const sources: ContextSources = {
  os: async () => 'Debian',
  shell: async () => 'bash',
  listing: async () => ['notes.txt'],
  tools: async () => ['git'],
  lastCommand: async () => ({ line: 'make deploy', status: 1, outputTail: 'OUTPUT-MARKER failed' }),
  history: async () => ['HISTORY-MARKER ls', `git push https://${secret}@github.com/me/repo`],
  branch: async () => 'main',
};

function setup(over: Partial<PlannerDeps> = {}) {
  const local: ModelRequest[] = [];
  const cloud: ModelRequest[] = [];
  const deps: PlannerDeps = {
    tiers: [
      { name: 'local', backend: capturing('local', local), timeoutMs: 1000, minConfidence: 0.5 },
      { name: 'cloud', backend: capturing('cloud', cloud), timeoutMs: 1000, minConfidence: 0.5 },
    ],
    privacy: 'cloud-allowed',
    cloudHistory: 'when-referenced',
    budget: { remainingUsd: () => Infinity, record: () => undefined },
    envSecrets: [],
    cache: { get: () => undefined, set: () => undefined },
    contextSources: sources,
    contextBudgetMs: 1000,
    validateCommand: () => undefined,
    missingPrograms: () => [],
    ...over,
  };
  return { deps, planner: createPlanner(deps), local, cloud };
}
const text = (r: ModelRequest) => r.messages.map((m) => m.content).join('\n');

describe('the planner sends each tier what it needs', () => {
  it('a fresh request: the local tier gets history and output, the cloud tier neither', async () => {
    const { planner, local, cloud } = setup();
    await planner.suggest('find large files', { cwd: '/p' });
    expect(text(local[0]!)).toContain('HISTORY-MARKER');
    expect(text(local[0]!)).toContain('OUTPUT-MARKER');
    expect(text(cloud[0]!)).not.toContain('HISTORY-MARKER');
    expect(text(cloud[0]!)).not.toContain('make deploy');
    expect(text(cloud[0]!)).not.toContain('OUTPUT-MARKER');
    expect(text(cloud[0]!)).toContain('notes.txt');
  });

  it('a request about earlier work: the cloud tier gets history, redacted, and no output', async () => {
    const { planner, cloud } = setup();
    await planner.suggest('run the last command again', { cwd: '/p' });
    expect(text(cloud[0]!)).toContain('HISTORY-MARKER');
    expect(text(cloud[0]!)).toContain('last command: make deploy');
    expect(text(cloud[0]!)).not.toContain(secret);
    expect(text(cloud[0]!)).not.toContain('OUTPUT-MARKER');
  });

  it('cloud_history = "never": no history even when the request refers to earlier work', async () => {
    const { planner, cloud } = setup({ cloudHistory: 'never' });
    await planner.suggest('run the last command again', { cwd: '/p' });
    expect(text(cloud[0]!)).not.toContain('HISTORY-MARKER');
  });

  it('a ? question: the cloud tier gets the last command and its output, not history', async () => {
    const seen: ModelRequest[] = [];
    const { planner: asking } = setup({ tiers: [{ name: 'cloud', backend: capturing('cloud', seen), timeoutMs: 1000, minConfidence: 0.5 }] });
    await asking.ask('why did it fail', () => undefined, { cwd: '/p' });
    expect(text(seen[0]!)).toContain('OUTPUT-MARKER');
    expect(text(seen[0]!)).not.toContain('HISTORY-MARKER');
  });
});

describe('previewRequest (--show-context)', () => {
  it.each(['find large files', 'run the last command again'])('is exactly what each tier was sent for "%s"', async (request) => {
    const { deps, planner, local, cloud } = setup({ envSecrets: ['notes.txt'] });
    const preview = await previewRequest(deps, 'plan', request, { cwd: '/p' });
    await planner.suggest(request, { cwd: '/p' });
    expect(preview.map((p) => p.tier)).toEqual(['local', 'cloud']);
    expect({ system: preview[0]!.system, messages: preview[0]!.messages }).toEqual({ system: local[0]!.system, messages: local[0]!.messages });
    expect({ system: preview[1]!.system, messages: preview[1]!.messages }).toEqual({ system: cloud[0]!.system, messages: cloud[0]!.messages });
    expect(text(cloud[0]!)).not.toContain('notes.txt');
  });

  it('a cloud tier under local-only privacy is shown as not asked, with nothing sent', async () => {
    const { deps } = setup({ privacy: 'local-only' });
    const preview = await previewRequest(deps, 'plan', 'find large files', { cwd: '/p' });
    expect(preview[1]).toEqual({ tier: 'cloud', locality: 'cloud', skipped: 'privacy is set to local only', system: '', messages: [] });
  });
});

describe('examples for small local models (the compact reply)', () => {
  const compactPlan = JSON.stringify({ command: 'ls', explanation: 'x', confidence: 0.1 });
  function compactSetup(over: Partial<PlannerDeps> = {}) {
    const small: ModelRequest[] = [];
    const backend = { ...capturing('local', small), name: 'small', replyStyle: 'compact' as const, complete: async (r: ModelRequest) => (small.push(r), { text: compactPlan, usage: { inputTokens: 1, outputTokens: 1 }, model: 'm' }) };
    const base = setup(over);
    const deps: PlannerDeps = { ...base.deps, tiers: [{ name: 'small', backend, timeoutMs: 1000, minConfidence: 0.5 }, ...base.deps.tiers], ...over };
    return { deps, planner: createPlanner(deps), small, local: base.local, cloud: base.cloud };
  }
  const examplesIn = (r: ModelRequest) => text(r).match(/<<EXAMPLES[^>]*>>\n([\s\S]*?)\n<<\//)?.[1] ?? '';

  it.each([
    ['show me the biggest folders here', 'Command: du -sh -- */ | sort -h'],
    ['unpack the tarball I downloaded', 'Command: tar -xzf backup.tar.gz'],
    ['restart the postgres service', 'Command: sudo systemctl restart nginx'],
  ])('the compact tier is shown examples for "%s", the full tiers none', async (request, expected) => {
    const { planner, small, local, cloud } = compactSetup();
    await planner.suggest(request, { cwd: '/p' });
    expect(examplesIn(small[0]!)).toContain(expected);
    expect(examplesIn(small[0]!).match(/^Request: /gm)).toHaveLength(4);
    expect(text(small[0]!)).toMatch(/<<\/EXAMPLES[^>]*>>\n\nRequest from the user:\n/);
    expect(text(small[0]!)).toContain('HISTORY-MARKER');
    expect(text(local[0]!)).not.toContain('EXAMPLES');
    expect(text(cloud[0]!)).not.toContain('EXAMPLES');
  });

  it("the user's own successful requests compete with the corpus; a failing source leaves the corpus alone", async () => {
    const own = [{ request: 'deploy the staging site', command: './deploy.sh staging' }];
    const withOwn = compactSetup({ ownExamples: async () => own });
    await withOwn.planner.suggest('deploy staging again', { cwd: '/p' });
    expect(examplesIn(withOwn.small[0]!)).toMatch(/^Request: deploy the staging site\nCommand: \.\/deploy\.sh staging/);
    const failing = compactSetup({ ownExamples: async () => Promise.reject(new Error('unreadable history')) });
    await failing.planner.suggest('show me the biggest folders here', { cwd: '/p' });
    expect(examplesIn(failing.small[0]!)).toContain('du -sh');
  });

  it('without a compact tier no examples are chosen and the own source is not read', async () => {
    let read = 0;
    const { planner, local } = setup({ ownExamples: async () => (read++, []) });
    await planner.suggest('show me the biggest folders here', { cwd: '/p' });
    expect(read).toBe(0);
    expect(text(local[0]!)).not.toContain('EXAMPLES');
  });

  it('--show-context shows the compact tier exactly what it was sent, examples included', async () => {
    const { deps, planner, small } = compactSetup();
    const preview = await previewRequest(deps, 'plan', 'show me the biggest folders here', { cwd: '/p' });
    await planner.suggest('show me the biggest folders here', { cwd: '/p' });
    expect({ system: preview[0]!.system, messages: preview[0]!.messages }).toEqual({ system: small[0]!.system, messages: small[0]!.messages });
    expect(examplesIn(small[0]!)).not.toBe('');
  });
});
