// What each tier is sent for one request: local tiers get the context as gathered, cloud tiers
// only what the request needs (context-need.ts), redacted; small local models (the compact reply)
// also get examples chosen for the request. The planner sends these and `--show-context` prints
// them, so the preview is what goes.

import type { ChatMessage } from './model-backend.js';
import type { PlannerContext } from './context.js';
import { contextForCloud, type CloudHistory, type RequestKind } from './context-need.js';
import type { CommandExample } from './examples.js';
import { buildAskMessages, buildPlanMessages } from './prompt.js';
import { redactSecrets } from './redact.js';

/** The messages for a local tier and for a cloud tier (the cloud ones before redaction, which the tier router does). */
export interface MessagesByLocality {
  local: ChatMessage[];
  cloud: ChatMessage[];
  /** What a local tier with the compact reply style (a small model) gets: the local messages with the examples. */
  compact: ChatMessage[];
}

/** Build every set of messages for a request or a `?` question (`examples` go only to compact local tiers, and only with a request). */
export function messagesByLocality(
  kind: RequestKind,
  text: string,
  ctx: PlannerContext,
  earlier: ChatMessage[],
  cloudHistory: CloudHistory,
  examples: readonly CommandExample[] = [],
): MessagesByLocality {
  const build = kind === 'plan' ? buildPlanMessages : buildAskMessages;
  const wording = [text, ...earlier.filter((m) => m.role === 'user').map((m) => m.content)];
  const local = build(text, ctx, earlier);
  // Cloud tiers never get examples: the user's own ones come from their history, which a cloud tier gets only when referenced.
  const compact = kind === 'plan' && examples.length > 0 ? buildPlanMessages(text, ctx, earlier, examples) : local;
  return { local, compact, cloud: build(text, contextForCloud(ctx, { wording, kind, cloudHistory }), earlier) };
}

/** Exactly what one tier is sent: the system prompt and messages, redacted for a cloud tier. */
export function sentToTier(
  tier: { locality: 'local' | 'cloud'; replyStyle?: 'full' | 'compact' },
  system: string,
  messages: MessagesByLocality,
  envSecrets: readonly string[],
): { system: string; messages: ChatMessage[] } {
  if (tier.locality === 'local') return { system, messages: tier.replyStyle === 'compact' ? messages.compact : messages.local };
  const scrub = (t: string): string => redactSecrets(t, envSecrets);
  return { system: scrub(system), messages: messages.cloud.map((m) => ({ ...m, content: scrub(m.content) })) };
}
