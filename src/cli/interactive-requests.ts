// What the interactive shell does with a natural-language line or a `?` question, until the
// full preview flow exists: the planner proposes, nl-sh's risk gate judges, and the command is
// left in bash's buffer with its risk shown; nothing runs without the user pressing Enter.
// Ctrl-C cancels the model call at once and gives the line back. With no model at all, the
// line gets one short message on how to set one up (the full text once per session).

import { styleText } from 'node:util';
import type { HistoryEntry, LineContext, LineDecision } from '../repl/index.js';
import type { Planner } from '../planner/index.js';
import { neutralizeForDisplay } from '../planner/index.js';
import { formatReason, type Assessment } from '../sandbox/index.js';

/** What the handler needs, loaded on first use. */
export interface RequestDeps {
  planner(): Promise<Planner>;
  /** nl-sh's risk gate, with this machine's filesystem facts for `cwd`. */
  judge(command: string, cwd: string): Promise<Assessment>;
  /** Append to nl-sh's history of requests. */
  record(entry: Omit<HistoryEntry, 'at' | 'session'>): void;
}

const SETUP_HELP = 'no model is set up, so the line did not run. Install Ollama and `ollama pull qwen2.5-coder:7b`, or configure Bedrock (README: Models).';

/** Build the handler for lines the router sent to the model. */
export function createRequestHandler(deps: RequestDeps): (ctx: LineContext, route: 'nl' | 'question', text: string) => Promise<LineDecision> {
  let explainedSetup = false;
  const failure = (f: { noTier: boolean; message: string }): string => {
    if (!f.noTier) return `nl-sh: ${f.message}`;
    if (explainedSetup) return 'nl-sh: no model available (see above); the line did not run.';
    explainedSetup = true;
    return `nl-sh: ${SETUP_HELP}\r\n       (${f.message})`;
  };

  return async (ctx, route, text) => {
    const lease = ctx.takeTerminal();
    const controller = new AbortController();
    lease.onInput((data) => {
      if (data.includes(0x03)) controller.abort();
    });
    // styleText honours NO_COLOR and terminals without colour.
    lease.write(`\r\x1b[K${styleText('dim', `nl-sh: ${route === 'question' ? 'thinking' : 'planning'}… (Ctrl-C cancels)`, { stream: process.stdout })}`);
    const clearStatus = (): void => lease.write('\r\x1b[K');
    const planner = await deps.planner();
    if (route === 'question') {
      clearStatus();
      let shown = false;
      const answer = await planner.ask(text, (piece) => {
        shown = true;
        lease.write(neutralizeForDisplay(piece).replace(/\n/g, '\r\n'));
      }, { cwd: ctx.cwd, signal: controller.signal });
      if (shown) lease.write('\r\n');
      deps.record({ cwd: ctx.cwd, line: ctx.line, route, tier: answer.ok ? answer.tier : undefined, model: answer.ok ? answer.model : undefined, decision: answer.ok ? 'answered' : answer.aborted ? 'cancelled' : 'failed' });
      if (!answer.ok) return answer.aborted ? { verb: 'edit', line: ctx.line } : { verb: 'edit', line: ctx.line, notice: failure(answer) };
      return { verb: 'drop' };
    }
    const suggestion = await planner.suggest(text, { cwd: ctx.cwd, signal: controller.signal });
    clearStatus();
    if (!suggestion.ok) {
      deps.record({ cwd: ctx.cwd, line: ctx.line, route, decision: suggestion.aborted ? 'cancelled' : 'no plan' });
      return suggestion.aborted ? { verb: 'edit', line: ctx.line } : { verb: 'edit', line: ctx.line, notice: failure(suggestion) };
    }
    const assessment = await deps.judge(suggestion.reply.command, ctx.cwd);
    deps.record({ cwd: ctx.cwd, line: ctx.line, route, command: suggestion.reply.command, tier: suggestion.cached ? 'cache' : suggestion.tier, model: suggestion.model, risk: assessment.level, decision: 'left in the buffer' });
    const from = suggestion.cached ? 'cached answer' : `${suggestion.tier} (${suggestion.model})`;
    const note = [
      `nl-sh: ${neutralizeForDisplay(suggestion.reply.explanation)}`,
      `       risk: ${assessment.level}${assessment.reasons[0] ? ` (${neutralizeForDisplay(formatReason(assessment.reasons[0]))})` : ''}; from ${from}${suggestion.lowConfidence ? '; low confidence' : ''}. Review it, then Enter runs it.`,
    ].join('\r\n');
    return { verb: 'edit', line: suggestion.reply.command, notice: note };
  };
}
