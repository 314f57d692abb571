import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { BackendError, type ModelBackend } from '../../src/planner/model-backend.js';
import { readRecording, recordingBackend, replayingBackend } from '../../src/planner/backends/record-replay.js';
import { planWithTiers } from '../../src/planner/tier-router.js';
import { redactSecrets } from '../../src/planner/redact.js';
import { readFileSync } from 'node:fs';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const file = () => {
  const d = mkdtempSync(join(tmpdir(), 'nlsh-rec-'));
  dirs.push(d);
  return join(d, 'session.jsonl');
};
const plan = (command: string) => JSON.stringify({ command, explanation: 'x', parts: [], assumptions: [], needs_network: false, needs_root: false, confidence: 0.9 });

function scripted(steps: (string | BackendError)[]): ModelBackend {
  return {
    name: 'live',
    locality: 'local',
    checkAvailable: async () => ({ ok: true }),
    async complete() {
      const s = steps.shift()!;
      if (s instanceof BackendError) throw s;
      return { text: s, usage: { inputTokens: 3, outputTokens: 4 }, model: 'm' };
    },
    async stream(_r, onText) {
      const s = steps.shift() as string;
      for (const piece of s.split(' ')) onText(`${piece} `);
      return { text: s, usage: { inputTokens: 1, outputTokens: 2 }, model: 'm' };
    },
  };
}
const redact = (text: string) => redactSecrets(text, ['zz-env-secret-9f8e7d']);
const run = { system: 's', messages: [{ role: 'user' as const, content: 'list files' }], privacy: 'local-only' as const, budget: { remainingUsd: () => Infinity, record: () => undefined }, envSecrets: [], validateCommand: () => undefined, missingPrograms: () => [] };

describe('record and replay', () => {
  it('a replayed session gives the same plans, errors and escalations as the recorded one', async () => {
    const path = file();
    const live = recordingBackend(scripted([new BackendError('timeout', 'slow'), 'garbage', plan('ls -la')]), path, redact);
    const tiers = (b: ModelBackend) => [{ name: 't', backend: b, timeoutMs: 100, minConfidence: 0.5 }];
    const first = await planWithTiers(tiers(live), run);
    const second = await planWithTiers(tiers(live), run);
    const exchanges = readRecording(path);
    expect(exchanges.map((e) => e.error?.kind ?? 'reply')).toEqual(['timeout', 'reply', 'reply']);
    const replay = replayingBackend({ name: 't', locality: 'local', exchanges });
    const again1 = await planWithTiers(tiers(replay), run);
    const again2 = await planWithTiers(tiers(replay), run);
    const strip = (r: typeof first) => ({ ...r, attempts: r.attempts.map((a) => ({ ...a, latencyMs: 0 })) });
    expect(strip(again1)).toEqual(strip(first));
    expect(strip(again2)).toEqual(strip(second));
  });

  it('replays streamed pieces in order', async () => {
    const path = file();
    const live = recordingBackend(scripted(['one two three']), path, redact);
    await live.stream({ system: '', messages: [], timeoutMs: 100 }, () => undefined);
    const seen: string[] = [];
    await replayingBackend({ name: 't', locality: 'local', exchanges: readRecording(path) }).stream({ system: '', messages: [], timeoutMs: 100 }, (p) => seen.push(p));
    expect(seen).toEqual(['one ', 'two ', 'three ']);
  });

  it('a secret in the context, the reply or an error does not land in the recording, whose first line says so', async () => {
    const path = file();
    const secrets = ['ghp_abcdefghijklmnopqrstuvwxyz0123456789', 'zz-env-secret-9f8e7d', 'AKIAIOSFODNN7EXAMPLE'];
    const live = recordingBackend(scripted([new BackendError('http', `rejected key ${secrets[2]}`), plan(`echo ${secrets[1]}`)]), path, redact);
    const context = `<<recent history>>\ngit push https://${secrets[0]}@github.com/me/repo\nexport AWS_ACCESS_KEY_ID=${secrets[2]}\n<</recent history>>`;
    const withSecrets = { ...run, system: `s ${secrets[1]}`, messages: [{ role: 'user' as const, content: `${context}\nRequest: run it again with ${secrets[1]}` }] };
    await planWithTiers([{ name: 't', backend: live, timeoutMs: 100, minConfidence: 0.5 }, { name: 'u', backend: live, timeoutMs: 100, minConfidence: 0.5 }], withSecrets);
    const text = readFileSync(path, 'utf8');
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).toContain('[REDACTED');
    expect(JSON.parse(text.split('\n')[0]!)).toMatchObject({ kind: 'header', note: expect.stringMatching(/redacted/) });
    expect(readRecording(path).map((e) => e.kind)).toEqual(['complete', 'complete']);
  });

  it('a request beyond the recording fails clearly', async () => {
    const replay = replayingBackend({ name: 't', locality: 'local', exchanges: [] });
    await expect(replay.complete({ system: '', messages: [], timeoutMs: 1 })).rejects.toMatchObject({ kind: 'unavailable', message: /no more exchanges/ });
  });
});
