import { describe, expect, it } from 'vitest';
import { BackendError, type ModelBackend, type ModelReply, type ModelRequest } from '../../src/planner/model-backend.js';
import { planWithTiers, type PlanRun, type Tier } from '../../src/planner/tier-router.js';

type Step = string | BackendError | ((req: ModelRequest) => Promise<string>);

/** A scripted backend: each call takes the next step; it records every request it saw. */
function fake(name: string, locality: 'local' | 'cloud', steps: Step[]): ModelBackend & { seen: ModelRequest[] } {
  const seen: ModelRequest[] = [];
  return {
    name,
    locality,
    seen,
    checkAvailable: async () => ({ ok: true }),
    async complete(req): Promise<ModelReply> {
      seen.push(req);
      const step = steps.shift();
      if (step === undefined) throw new Error(`${name}: no more scripted replies`);
      if (step instanceof BackendError) throw step;
      const text = typeof step === 'function' ? await step(req) : step;
      return { text, usage: { inputTokens: 1000, outputTokens: 200 }, model: `${name}-model` };
    },
    stream: async () => {
      throw new Error('not used');
    },
  };
}

const plan = (command: string, confidence = 0.9) => JSON.stringify({ command, explanation: 'x', parts: [], assumptions: [], needs_network: false, needs_root: false, confidence });
const tier = (backend: ModelBackend, extra: Partial<Tier> = {}): Tier => ({ name: backend.name, backend, timeoutMs: 1000, minConfidence: 0.5, ...extra });
function run(extra: Partial<PlanRun> = {}): PlanRun {
  let spent = 0;
  return {
    system: 'sys',
    messages: [{ role: 'user', content: 'list big files' }],
    privacy: 'cloud-allowed',
    budget: { remainingUsd: () => 1 - spent, record: (usd) => (spent += usd) },
    envSecrets: [],
    validateCommand: (c) => (c.includes('((') ? 'bash cannot parse it' : undefined),
    missingPrograms: (c) => (c.startsWith('ncdu') ? ['ncdu'] : []),
    ...extra,
  };
}

describe('planWithTiers', () => {
  it('takes the first tier that answers well', async () => {
    const a = fake('local', 'local', [plan('du -ah . | sort -h | tail')]);
    const b = fake('cloud', 'cloud', []);
    const r = await planWithTiers([tier(a), tier(b)], run());
    expect(r).toMatchObject({ ok: true, tier: 'local', lowConfidence: false });
    expect(b.seen).toHaveLength(0);
    expect(a.seen[0]!.schema).toBeDefined();
  });

  it.each([
    ['unavailable', new BackendError('unavailable', 'connection refused')],
    ['timeout', new BackendError('timeout', 'no answer in 1 s')],
    ['error', new BackendError('http', 'HTTP 500')],
  ])('escalates when a tier fails: %s', async (outcome, error) => {
    const a = fake('local', 'local', [error]);
    const b = fake('big', 'local', [plan('ls -S')]);
    const r = await planWithTiers([tier(a), tier(b)], run());
    expect(r).toMatchObject({ ok: true, tier: 'big' });
    expect(r.attempts.map((x) => x.outcome)).toEqual([outcome, 'ok']);
  });

  it('repairs an invalid reply once on the same tier', async () => {
    const a = fake('local', 'local', ['not json at all', plan('ls')]);
    const r = await planWithTiers([tier(a)], run());
    expect(r).toMatchObject({ ok: true, tier: 'local' });
    expect(a.seen[1]!.messages.at(-1)!.content).toMatch(/cannot be used: the reply is not valid JSON/);
  });

  it('escalates after a failed repair, and for a command that does not parse', async () => {
    const a = fake('local', 'local', [plan('echo ((('), plan('echo (((')]);
    const b = fake('big', 'local', [plan('echo ok')]);
    const r = await planWithTiers([tier(a), tier(b)], run());
    expect(r.attempts.map((x) => [x.tier, x.outcome])).toEqual([
      ['local', 'invalid'],
      ['local', 'invalid'],
      ['big', 'ok'],
    ]);
  });

  it('asks the tier once more, naming the program that is not installed, then escalates', async () => {
    const a = fake('local', 'local', [plan('ncdu /'), plan('ncdu -x /')]);
    const b = fake('big', 'local', [plan('du -sh /*')]);
    const r = await planWithTiers([tier(a), tier(b)], run());
    expect(r).toMatchObject({ ok: true, tier: 'big' });
    expect(r.attempts.map((x) => [x.tier, x.outcome])).toEqual([
      ['local', 'missing-programs'],
      ['local', 'missing-programs'],
      ['big', 'ok'],
    ]);
    expect(r.attempts[0]).toMatchObject({ detail: 'not installed here: ncdu' });
    expect(a.seen[1]!.messages.at(-1)!.content).toMatch(/"ncdu" is not installed on this machine/);
  });

  it('a repaired proposal with installed programs is the plan', async () => {
    const a = fake('local', 'local', [plan('ncdu /'), plan('du -sh /*')]);
    const r = await planWithTiers([tier(a)], run());
    expect(r).toMatchObject({ ok: true, tier: 'local', reply: { command: 'du -sh /*' } });
  });

  it('escalates on low confidence, and keeps the last low-confidence plan, flagged, when nothing better comes', async () => {
    const a = fake('local', 'local', [plan('ls', 0.2)]);
    const b = fake('big', 'local', [plan('ls -la', 0.3)]);
    const r = await planWithTiers([tier(a), tier(b)], run());
    expect(r).toMatchObject({ ok: true, tier: 'local', lowConfidence: true });
    expect(r.attempts.map((x) => x.outcome)).toEqual(['low-confidence', 'low-confidence']);
  });

  it('never calls a cloud tier when privacy is local only', async () => {
    const a = fake('local', 'local', [new BackendError('unavailable', 'down')]);
    const c = fake('cloud', 'cloud', [plan('ls')]);
    const r = await planWithTiers([tier(a), tier(c)], run({ privacy: 'local-only' }));
    expect(r.ok).toBe(false);
    expect(c.seen).toHaveLength(0);
    expect(r.attempts.map((x) => x.outcome)).toEqual(['unavailable', 'skipped-privacy']);
  });

  it("stops calling the cloud once the day's budget is spent, and records the cost of calls", async () => {
    let remaining = 0.0001;
    const recorded: number[] = [];
    const budget = { remainingUsd: () => remaining, record: (usd: number) => (recorded.push(usd), (remaining -= usd)) };
    const c = fake('cloud', 'cloud', [plan('ls', 0.1), plan('ls')]);
    const pricing = { inputPerMTok: 1, outputPerMTok: 5 };
    const first = await planWithTiers([tier(c, { pricing })], run({ budget }));
    expect(first.attempts[0]!.costUsd).toBeCloseTo(0.002);
    expect(recorded).toEqual([first.attempts[0]!.costUsd]);
    const second = await planWithTiers([tier(c, { pricing })], run({ budget }));
    expect(second).toMatchObject({ ok: false });
    expect(second.attempts[0]).toMatchObject({ outcome: 'skipped-budget' });
    expect(c.seen).toHaveLength(1);
  });

  it('redacts secrets for a cloud tier and not for a local one', async () => {
    const secret = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789';
    const messages = [{ role: 'user' as const, content: `push with token ${secret} and key zz-my-own-value` }];
    const a = fake('local', 'local', [new BackendError('unavailable', 'down')]);
    const c = fake('cloud', 'cloud', [plan('git push')]);
    await planWithTiers([tier(a), tier(c)], run({ messages, envSecrets: ['zz-my-own-value'] }));
    expect(a.seen[0]!.messages[0]!.content).toContain(secret);
    const sent = JSON.stringify(c.seen[0]);
    expect(sent).not.toContain(secret);
    expect(sent).not.toContain('zz-my-own-value');
  });

  it('stops at once when aborted, asking no further tier', async () => {
    const controller = new AbortController();
    const a = fake('local', 'local', [
      async () => {
        controller.abort();
        throw new BackendError('aborted', 'aborted');
      },
    ]);
    const b = fake('big', 'local', [plan('ls')]);
    const r = await planWithTiers([tier(a), tier(b)], run({ signal: controller.signal }));
    expect(r).toMatchObject({ ok: false, aborted: true });
    expect(b.seen).toHaveLength(0);
  });

  it('a harder retry starts above the tier that answered before', async () => {
    const a = fake('local', 'local', []);
    const b = fake('big', 'local', [plan('find . -size +100M')]);
    const r = await planWithTiers([tier(a), tier(b)], run({ startAt: 1 }));
    expect(r).toMatchObject({ ok: true, tier: 'big', tierIndex: 1 });
  });

  it('with no tiers, says how to set one up', async () => {
    const r = await planWithTiers([], run());
    expect(r).toMatchObject({ ok: false });
    if (!r.ok) expect(r.message).toMatch(/no model is set up.*Ollama.*Bedrock/);
  });
});

describe('a compact tier (small local model)', () => {
  it('is asked with the compact schema, prompt and token limit, and its three-field reply is a plan', async () => {
    const small = { ...fake('small', 'local', [JSON.stringify({ command: 'ls -S | head', explanation: 'biggest first', confidence: 0.8 })]), replyStyle: 'compact' as const };
    const r = await planWithTiers([tier(small)], run());
    expect(r).toMatchObject({ ok: true, reply: { command: 'ls -S | head', parts: [], assumptions: [], needsNetwork: false, needsRoot: false, confidence: 0.8 } });
    const asked = small.seen[0]!;
    const properties = (asked.schema as { properties: Record<string, { maxLength?: number; enum?: number[] }> }).properties;
    expect(Object.keys(properties)).toEqual(['command', 'explanation', 'confidence']);
    // Every field is bounded, so a grammar-constrained reply ends within the token limit.
    expect(properties.command!.maxLength! + properties.explanation!.maxLength! + 48).toBeLessThanOrEqual(asked.maxTokens!);
    expect(properties.confidence!.enum).toEqual([0.1, 0.3, 0.5, 0.7, 0.9]);
    expect(asked.system).toMatch(/"confidence": 0.1, 0.3, 0.5, 0.7 or 0.9/);
    expect(asked.maxTokens).toBeLessThanOrEqual(512);
  });

  it('a full tier still gets the full schema, and a compact-looking reply from it is repaired, not accepted', async () => {
    const full = fake('full', 'local', [JSON.stringify({ command: 'ls', explanation: 'x', confidence: 0.8 }), plan('ls -la')]);
    const r = await planWithTiers([tier(full)], run());
    expect(r).toMatchObject({ ok: true, reply: { command: 'ls -la' } });
    expect((full.seen[0]!.schema as { required: string[] }).required).toContain('parts');
    expect(full.seen[0]!.system).toBe('sys');
  });

  it('gets the compact messages (with examples); a full local tier and a cloud tier do not', async () => {
    const reply = JSON.stringify({ command: 'ls', explanation: 'x', confidence: 0.1 });
    const small = { ...fake('small', 'local', [reply]), replyStyle: 'compact' as const };
    const big = fake('big', 'local', [plan('ls', 0.1)]);
    const smallCloud = { ...fake('cloud', 'cloud', [reply]), replyStyle: 'compact' as const };
    const compactMessages = [{ role: 'user' as const, content: 'EXAMPLES-MARKER list big files' }];
    await planWithTiers([tier(small), tier(big), tier(smallCloud)], run({ compactMessages, cloudMessages: [{ role: 'user', content: 'cloud view' }] }));
    expect(small.seen[0]!.messages[0]!.content).toBe('EXAMPLES-MARKER list big files');
    expect(big.seen[0]!.messages[0]!.content).toBe('list big files');
    expect(smallCloud.seen[0]!.messages[0]!.content).toBe('cloud view');
  });
});
