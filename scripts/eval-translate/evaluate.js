// One task end to end: the reference observed in its own fixture; then, in a second fixture, the
// proposal asked for with that fixture as cwd, judged by the risk gate before anything runs, run
// inside the sandbox and compared with the reference.

import { judgeObservations, observeReference, observeRun, withFixture } from './judge.js';

/** The result of one task: id, command, pass, why, tier, model, latencyMs, level, action, confidence. */
export async function evaluateTask(task, { root, proposer, gate, home }) {
  const base = { id: task.id, request: task.request, command: null, pass: false };
  let reference;
  try {
    reference = await observeReference(task, root);
  } catch (err) {
    return { ...base, why: `task broken: ${err.message}` };
  }
  try {
    return await withFixture(task, root, async (dir) => {
      const started = performance.now();
      const p = await proposer.propose(task.request, dir);
      const latencyMs = Math.round(performance.now() - started);
      const asked = { ...base, tier: p.tier, model: p.model, latencyMs, confidence: p.confidence, attempts: p.attempts };
      if (typeof p.command !== 'string' || p.command.trim() === '') return { ...asked, why: p.why ?? 'no proposal' };
      const verdict = gate.judge(p.command, dir, home);
      const observed = await observeRun(task, dir, p.command);
      return { ...asked, command: p.command, ...judgeObservations(task, reference, observed), level: verdict.level, action: verdict.action };
    });
  } catch (err) {
    return { ...base, why: `task broken: ${err.message}` };
  }
}
