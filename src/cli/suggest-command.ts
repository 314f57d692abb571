// `nl-sh --suggest "request" [--print-command | --show-context]` and `nl-sh --ask "question"`: the
// planner for scripts and editors. They print a proposal, an answer, or what each tier would be
// sent; they never run anything. Ctrl-C
// cancels the model call at once. With no tier available they exit 1 with one clear line; a tier
// that failed before another answered is named in one line on stderr.

import type { Config } from '../config.js';
import { neutralizeForDisplay, previewRequest, type TierPreview } from '../planner/index.js';
import { messages } from '../messages.js';
import { buildPlanner, plannerDeps } from './planner-wiring.js';

// A tier that could not be asked at all (a missing model file, a server not running, no
// credentials) before another answered: a setup problem the user can fix, so it is said.
const fellThrough: readonly string[] = ['unavailable'];

interface Io {
  config: Config;
  env: Record<string, string | undefined>;
  output: NodeJS.WritableStream;
  errors: NodeJS.WritableStream;
}

async function plannerFor(io: Io) {
  const { loadBashParser } = await import('../risk/index.js');
  return buildPlanner({ config: io.config, env: io.env, parser: await loadBashParser() });
}

/** Cancel on Ctrl-C (SIGINT) and hangup. */
function cancellation(): { signal: AbortSignal; done: () => void } {
  const controller = new AbortController();
  const stop = (): void => controller.abort();
  process.on('SIGINT', stop);
  process.on('SIGHUP', stop);
  return { signal: controller.signal, done: () => (process.off('SIGINT', stop), process.off('SIGHUP', stop)) };
}

/** `--suggest`: the structured proposal as JSON, or only the command, or (`--show-context`) what each tier would be sent. */
export async function runSuggestCommand(io: Io & { request: string; printCommand: boolean; showContext?: boolean; json?: boolean }): Promise<number> {
  if (io.showContext) return showContext(io, 'plan', io.request, io.json ?? false);
  const planner = await plannerFor(io);
  const { signal, done } = cancellation();
  const s = await planner.suggest(io.request, { cwd: process.cwd(), signal });
  done();
  if (!s.ok) {
    io.errors.write(`nl-sh: ${s.message}\n`);
    return s.aborted ? 130 : 1;
  }
  for (const a of s.attempts) if (a.tier !== s.tier && fellThrough.includes(a.outcome)) io.errors.write(`${messages.tierFellThrough(a.tier, a.detail ?? a.outcome, s.tier)}\n`);
  if (io.printCommand) {
    io.output.write(`${s.reply.command}\n`);
    return 0;
  }
  const r = s.reply;
  const out = {
    command: r.command,
    explanation: r.explanation,
    parts: r.parts,
    assumptions: r.assumptions,
    needs_network: r.needsNetwork,
    needs_root: r.needsRoot,
    confidence: r.confidence,
    low_confidence: s.lowConfidence,
    tier: s.tier,
    model: s.model,
    cached: s.cached,
    attempts: s.attempts,
  };
  io.output.write(`${JSON.stringify(out, null, 2)}\n`);
  return 0;
}

/** `--ask`: the answer, streamed, with control characters made inert. */
export async function runAskCommand(io: Io & { question: string; showContext?: boolean; json?: boolean }): Promise<number> {
  if (io.showContext) return showContext(io, 'ask', io.question, io.json ?? false);
  const planner = await plannerFor(io);
  const { signal, done } = cancellation();
  let last = '';
  const a = await planner.ask(io.question, (piece) => {
    last = piece;
    io.output.write(neutralizeForDisplay(piece));
  }, { cwd: process.cwd(), signal });
  done();
  if (!a.ok) {
    io.errors.write(`${last && !last.endsWith('\n') ? '\n' : ''}nl-sh: ${a.message}\n`);
    return a.aborted ? 130 : 1;
  }
  if (!a.text.endsWith('\n')) io.output.write('\n');
  return 0;
}

/** `--suggest/--ask --show-context`: what each tier would be sent for the request or question; no model is asked. */
async function showContext(io: Io, kind: 'plan' | 'ask', text: string, json: boolean): Promise<number> {
  const { loadBashParser } = await import('../risk/index.js');
  const deps = plannerDeps({ config: io.config, env: io.env, parser: await loadBashParser() });
  const previews = await previewRequest(deps, kind, text, { cwd: process.cwd() });
  io.output.write(json ? `${JSON.stringify(previews, null, 2)}\n` : previews.map(renderPreview).join('\n'));
  return 0;
}

// One tier's preview as text, control characters made inert (JSON shows them exactly).
function renderPreview(p: TierPreview): string {
  const what = p.skipped ? `not asked (${p.skipped}): nothing is sent` : p.locality === 'cloud' ? 'the context this request needs, redacted' : 'the context as gathered (stays on this machine)';
  const head = `=== tier "${p.tier}" (${p.locality}): ${what} ===\n`;
  const parts = p.skipped ? [] : [`--- system ---\n${p.system}\n`, ...p.messages.map((m) => `--- ${m.role} ---\n${m.content}\n`)];
  return neutralizeForDisplay(head + parts.join(''));
}
