// What each tier is sent for one request: local tiers get the context as gathered, cloud tiers
// only what the request needs (context-need.ts), redacted. The planner sends these and
// `--show-context` prints them, so the preview is what goes.

import type { ChatMessage } from './model-backend.js';
import type { PlannerContext } from './context.js';
import { contextForCloud, type CloudHistory, type RequestKind } from './context-need.js';
import { buildAskMessages, buildPlanMessages } from './prompt.js';
import { redactSecrets } from './redact.js';

/** The messages for a local tier and for a cloud tier (the cloud ones before redaction, which the tier router does). */
export interface MessagesByLocality {
  local: ChatMessage[];
  cloud: ChatMessage[];
}

/** Build both sets of messages for a request or a `?` question. */
export function messagesByLocality(kind: RequestKind, text: string, ctx: PlannerContext, earlier: ChatMessage[], cloudHistory: CloudHistory): MessagesByLocality {
  const build = kind === 'plan' ? buildPlanMessages : buildAskMessages;
  const wording = [text, ...earlier.filter((m) => m.role === 'user').map((m) => m.content)];
  return { local: build(text, ctx, earlier), cloud: build(text, contextForCloud(ctx, { wording, kind, cloudHistory }), earlier) };
}

/** Exactly what one tier is sent: the system prompt and messages, redacted for a cloud tier. */
export function sentToTier(locality: 'local' | 'cloud', system: string, messages: MessagesByLocality, envSecrets: readonly string[]): { system: string; messages: ChatMessage[] } {
  if (locality === 'local') return { system, messages: messages.local };
  const scrub = (t: string): string => redactSecrets(t, envSecrets);
  return { system: scrub(system), messages: messages.cloud.map((m) => ({ ...m, content: scrub(m.content) })) };
}
