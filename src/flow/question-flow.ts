// `?` questions: the answer streams inline (inert: model text cannot act on the terminal), with
// the last command, its status and output as context, and nothing runs. A follow-up `?` goes on
// with the same conversation until another command finishes.

import type { ChatMessage } from '../planner/index.js';
import type { LineContext, LineDecision } from '../repl/line-decision.js';
import type { FlowEvent } from '../preview/flow-events.js';
import type { ModelFailure } from '../messages.js';
import type { FlowDeps } from './flow-deps.js';
import type { KeyInput } from './key-input.js';
import { startSpinner } from './spinner.js';

const MAX_TURNS = 6;

/** The `?` side of the flow. */
export interface QuestionFlow {
  ask(ctx: LineContext, question: string, emit: (e: FlowEvent) => void, keys: KeyInput): Promise<LineDecision>;
}

/** Build it; `failure` words a planner failure. */
export function createQuestionFlow(deps: FlowDeps, failure: (f: ModelFailure) => string): QuestionFlow {
  let conversation: ChatMessage[] = [];
  let about: object | undefined;
  return {
    async ask(ctx, question, emit, keys) {
      const key = deps.lastCommand();
      if (key !== about) {
        conversation = [];
        about = key;
      }
      const controller = new AbortController();
      const stop = keys.watchCancel(() => controller.abort());
      const spinner = startSpinner(emit, true);
      let started = false;
      const planner = await deps.planner();
      const answer = await planner
        .ask(
          question,
          (text) => {
            if (!started) {
              started = true;
              spinner.stop();
              emit({ kind: 'status-clear' });
            }
            emit({ kind: 'answer-text', text });
          },
          { cwd: ctx.cwd, signal: controller.signal, earlier: conversation, onTier: (tier) => started || spinner.tier(tier) },
        )
        .finally(() => {
          spinner.stop();
          stop();
        });
      emit(started ? { kind: 'answer-end' } : { kind: 'status-clear' });
      deps.record({ cwd: ctx.cwd, line: ctx.line, route: 'question', tier: answer.ok ? answer.tier : undefined, model: answer.ok ? answer.model : undefined, decision: answer.ok ? 'answered' : answer.aborted ? 'cancelled' : 'failed' });
      if (!answer.ok) return answer.aborted ? { verb: 'edit', line: ctx.line } : { verb: 'edit', line: ctx.line, notice: failure(answer) };
      conversation = [...conversation, { role: 'user' as const, content: question }, { role: 'assistant' as const, content: answer.text }].slice(-2 * MAX_TURNS);
      return { verb: 'drop' };
    },
  };
}
