// The recording of the real embedded model (test/fixtures/recordings/embedded-gemma.jsonl, made
// by scripts/record-model.sh) replayed through a `backend = "replay"` tier, as the stock user:
// each recorded request gets the command the model gave then, asked and parsed as a compact reply.

import { afterAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nlshBin, repoRoot } from '../support/fixtures.js';
import { makeStockHome, runAsStockUser, stockUser } from '../support/stock-user.js';
import { readRecording, type RecordedExchange } from '../../src/planner/backends/record-replay.js';
import { parsePlanReply } from '../../src/planner/plan-schema.js';

const recording = join(repoRoot, 'test', 'fixtures', 'recordings', 'embedded-gemma.jsonl');
const user = stockUser();

/** One request as recorded: its first exchange's index, its words and the command finally accepted. */
interface RecordedRequest {
  start: number;
  words: string;
  command: string;
}

// A request's first exchange has one message; a repair round adds the reply and the problem.
function recordedRequests(exchanges: RecordedExchange[]): RecordedRequest[] {
  const starts = exchanges.flatMap((e, i) => (e.kind === 'complete' && e.request.messages.length === 1 ? [i] : []));
  return starts.map((start, n) => {
    const last = exchanges[(starts[n + 1] ?? exchanges.length) - 1]!;
    const parsed = parsePlanReply(last.reply?.text ?? '', 'compact');
    if (!parsed.ok) throw new Error(`exchange ${start}: the recorded request ended without a plan (${parsed.problem})`);
    const words = /Request from the user:\n([\s\S]*)$/.exec(exchanges[start]!.request.messages[0]!.content)?.[1]?.trim() ?? '';
    return { start, words, command: parsed.reply.command };
  });
}

describe(`the embedded model's recording, replayed, as ${user.name}`, () => {
  const exchanges = readRecording(recording);
  const cleanups: (() => void)[] = [];
  afterAll(() => cleanups.forEach((c) => c()));

  it('holds compact plan exchanges from the embedded tier', () => {
    expect(exchanges.length).toBeGreaterThanOrEqual(2);
    for (const e of exchanges) expect(e).toMatchObject({ kind: 'complete', replyStyle: 'compact', backend: expect.stringMatching(/^embedded:/) });
  });

  for (const [n, r] of recordedRequests(readRecording(recording)).entries()) {
    it(`request ${n + 1} ("${r.words}") gets the recorded command "${r.command}"`, async () => {
      const h = makeStockHome(user, { '.config/nl-sh/config.toml': '' });
      cleanups.push(h.cleanup);
      // The replay answers in order: from this request's first exchange on.
      const file = join(h.home, 'recording.jsonl');
      writeFileSync(file, exchanges.slice(r.start).map((e) => `${JSON.stringify(e)}\n`).join(''));
      writeFileSync(join(h.home, '.config', 'nl-sh', 'config.toml'), `[[tiers]]\nname = "replayed"\nbackend = "replay"\nfile = "${n === 0 ? recording : file}"\nmin_confidence = 0\n`, { flag: 'w' });
      const out = await runAsStockUser(user, h.home, [nlshBin, '--suggest', r.words]);
      expect(out.status, out.stderr).toBe(0);
      expect(JSON.parse(out.stdout)).toMatchObject({ command: r.command, tier: 'replayed' });
    });
  }
});
