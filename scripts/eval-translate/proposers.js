// Where proposals come from. `nlsh`: the real `nl-sh --suggest REQUEST --json` with the fixture as
// its cwd and an isolated config (the full prompt and the real context gathering). `bare`: the
// same tier's backend, built by nl-sh's own wiring from the same config, asked with one line of
// instruction and no context, as a baseline for what nl-sh adds. Neither runs the proposal.

import { spawn } from 'node:child_process';
import { firstLine } from './fixture.js';

/** The whole instruction of the bare baseline. */
export const BARE_INSTRUCTION = 'Reply with one bash command for this request, nothing else.';

/**
 * Asks nl-sh itself; `propose(request, cwd)` resolves with { command?, why?, tier, model, confidence, attempts }.
 * `timeoutMs` bounds the whole --suggest run (the tier's own limit is 120 s per call; one run
 * under heavy load once hung past any tier limit, so a hang costs one task, not the evaluation).
 */
export function nlshProposer({ nlshBin, env, tierName, timeoutMs = 300_000 }) {
  return {
    async propose(request, cwd) {
      const r = await runToEnd(nlshBin, ['--suggest', request, '--json'], { cwd, env, timeoutMs });
      if (r.status === null) return { why: `no proposal: nl-sh --suggest did not finish in ${timeoutMs / 1000} s` };
      if (r.status !== 0) return { why: `no proposal (exit ${r.status}): ${firstLine(r.stderr) || firstLine(r.stdout)}` };
      let reply;
      try {
        reply = JSON.parse(r.stdout);
      } catch {
        return { why: `no proposal: unreadable --suggest output ${JSON.stringify(r.stdout.slice(0, 80))}` };
      }
      // A config nl-sh rejects falls back to its default tier: a proposal from any other tier is not this model's.
      if (tierName !== undefined && reply.tier !== tierName) return { why: `no proposal: nl-sh answered from tier "${reply.tier}", not "${tierName}" (did it reject the tier config?)`, tier: reply.tier };
      return { command: reply.command, tier: reply.tier, model: reply.model, confidence: reply.confidence, lowConfidence: reply.low_confidence, attempts: reply.attempts };
    },
  };
}

/** Asks the tier's backend directly (built from the isolated config by nl-sh's dist), with no context. */
export async function bareProposer({ dist, env }) {
  const { readUserConfig } = await import(`${dist}/config.js`);
  const { backendFor } = await import(`${dist}/cli/planner-wiring.js`);
  const loaded = await readUserConfig(env);
  if (loaded.problems.length > 0) throw new Error(`this nl-sh cannot read the tier: ${loaded.problems[0]}`);
  const tier = loaded.config.tiers[0];
  const backend = backendFor(tier, env);
  return {
    async propose(request) {
      try {
        const reply = await backend.complete({ system: BARE_INSTRUCTION, messages: [{ role: 'user', content: request }], timeoutMs: tier.timeoutMs, temperature: 0.2, maxTokens: 256 });
        return { command: stripFences(reply.text), tier: tier.name, model: reply.model };
      } catch (err) {
        return { why: `no proposal: ${err.message}`, tier: tier.name };
      }
    },
  };
}

/** A reply's command: code fences and a leading `$ ` prompt removed, blank lines around it trimmed. */
export function stripFences(text) {
  const fenced = /```[a-zA-Z0-9_-]*[ \t]*\n?([\s\S]*?)(?:```|$)/.exec(text);
  const body = (fenced ? fenced[1] : text).trim();
  return body.replace(/^\$ /, '').replace(/^`([^`\n]+)`$/, '$1');
}

// Run a program to completion with output collected; killed (its group) after `timeoutMs`.
function runToEnd(bin, args, { cwd, env, timeoutMs }) {
  return new Promise((resolve) => {
    const child = spawn(bin, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }, timeoutMs);
    child.on('error', (e) => (stderr += e.message));
    child.on('close', (status) => (clearTimeout(timer), resolve({ status, stdout, stderr })));
  });
}
