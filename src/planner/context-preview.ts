// `--show-context`: exactly what each tier would be sent for a request (system prompt and
// messages, redacted for cloud tiers), built by the same functions the planner sends with.
// Gathers context; asks no model and reads no cache.

import type { ChatMessage } from './model-backend.js';
import { gatherContext } from './context.js';
import { ASK_SYSTEM_PROMPT, planSystemPromptFor } from './prompt.js';
import type { PlannerDeps } from './planner.js';
import type { RequestKind } from './context-need.js';
import { messagesByLocality, sentToTier } from './tier-messages.js';
import { examplesForRequest } from './request-examples.js';
import { createExampleChooser } from './examples.js';
import { EXAMPLE_CORPUS } from './example-corpus.js';

/** What one tier would be sent, or why it would not be asked (then nothing is sent to it). */
export interface TierPreview {
  tier: string;
  locality: 'local' | 'cloud';
  skipped?: string;
  system: string;
  messages: ChatMessage[];
}

/** What each tier would be sent for a planning request (`plan`) or a question (`ask`) in `cwd`. */
export async function previewRequest(deps: PlannerDeps, kind: RequestKind, text: string, opts: { cwd: string; earlier?: ChatMessage[] }): Promise<TierPreview[]> {
  const context = await gatherContext(opts.cwd, deps.contextSources, deps.contextBudgetMs);
  const examples = kind === 'plan' ? await examplesForRequest(deps, createExampleChooser(EXAMPLE_CORPUS), text, opts) : [];
  const messages = messagesByLocality(kind, text, context, opts.earlier ?? [], deps.cloudHistory, examples);
  return deps.tiers.map((tier) => {
    const locality = tier.backend.locality;
    const skipped = locality === 'cloud' ? skipReason(deps) : undefined;
    if (skipped) return { tier: tier.name, locality, skipped, system: '', messages: [] };
    const system = kind === 'ask' ? ASK_SYSTEM_PROMPT : planSystemPromptFor(tier.backend.replyStyle ?? 'full');
    return { tier: tier.name, locality, ...sentToTier(tier.backend, system, messages, deps.envSecrets) };
  });
}

// Why a cloud tier would not be asked (the tier router's two reasons).
function skipReason(deps: PlannerDeps): string | undefined {
  if (deps.privacy === 'local-only') return 'privacy is set to local only';
  if (deps.budget.remainingUsd() <= 0) return "today's cloud budget is spent";
  return undefined;
}
