// Tries model tiers in order, cheapest first, and escalates when a tier is unavailable, times
// out, replies with something invalid (schema, or a command that does not parse as bash, after
// one repair attempt), uses programs that are not installed, or is not confident enough. Cloud
// tiers are skipped when the user's privacy setting says local only, or when the day's cloud
// budget is spent; what goes to a cloud tier is redacted first. Every attempt is recorded with
// its tier, latency, tokens and cost. Nothing is ever run here.

import { BackendError, type ChatMessage, type ModelBackend, type ModelReply } from './model-backend.js';
import { parsePlanReply, planSchemaFor, type PlanReply } from './plan-schema.js';
import { planSystemPromptFor } from './prompt.js';
import { redactSecrets } from './redact.js';

/** Prices in US dollars per million tokens (absent: free, as local models are). */
export interface TierPricing {
  inputPerMTok: number;
  outputPerMTok: number;
}

/** One rung of the ladder. */
export interface Tier {
  name: string;
  backend: ModelBackend;
  timeoutMs: number;
  /** Below this confidence the next tier is asked (the last tier's plan is kept, flagged). */
  minConfidence: number;
  pricing?: TierPricing;
}

/** What happened at one tier. */
export type AttemptOutcome = 'ok' | 'unavailable' | 'timeout' | 'error' | 'invalid' | 'missing-programs' | 'low-confidence' | 'skipped-privacy' | 'skipped-budget' | 'aborted';

/** One tier's attempt, for the history, the audit log and the preview. */
export interface PlanAttempt {
  tier: string;
  model?: string;
  outcome: AttemptOutcome;
  detail?: string;
  latencyMs: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
}

/** The day's cloud spending, persisted elsewhere (injected). */
export interface CloudBudget {
  /** Dollars still allowed today (Infinity when no budget is set). */
  remainingUsd(): number;
  record(usd: number): void;
}

/** Everything a planning run needs besides the tiers. */
export interface PlanRun {
  system: string;
  messages: ChatMessage[];
  /** What cloud tiers get instead of `messages` (only the context the request needs); absent: `messages`. */
  cloudMessages?: ChatMessage[];
  /** What local tiers with the compact reply style (small models) get instead of `messages` (with examples); absent: `messages`. */
  compactMessages?: ChatMessage[];
  privacy: 'local-only' | 'cloud-allowed';
  budget: CloudBudget;
  /** Values to redact (the user's secret environment values) before a cloud call. */
  envSecrets: readonly string[];
  /** Why the command is not acceptable as bash (parse errors), or undefined. */
  validateCommand(command: string): string | undefined;
  /** Programs the command runs that are not installed here. */
  missingPrograms(command: string): string[] | Promise<string[]>;
  /** Start at this tier index (a "try harder" retry starts above the tier that answered). */
  startAt?: number;
  signal?: AbortSignal;
  /** Told each tier's name as it is asked (for the status line). */
  onTier?: (tier: string) => void;
}

/** A plan and how it was reached, or why none could be made. */
export type PlanResult =
  | { ok: true; reply: PlanReply; tier: string; model: string; lowConfidence: boolean; tierIndex: number; attempts: PlanAttempt[] }
  | { ok: false; aborted: boolean; /** Every tier was missing, unreachable or skipped: nothing to ask. */ noTier: boolean; message: string; attempts: PlanAttempt[] };

function costOf(pricing: TierPricing | undefined, reply: Pick<ModelReply, 'usage'>): number {
  if (!pricing) return 0;
  return (reply.usage.inputTokens * pricing.inputPerMTok + reply.usage.outputTokens * pricing.outputPerMTok) / 1e6;
}

function outcomeOf(err: unknown): AttemptOutcome {
  if (err instanceof BackendError) {
    if (err.kind === 'aborted') return 'aborted';
    if (err.kind === 'timeout') return 'timeout';
    if (err.kind === 'unavailable' || err.kind === 'model-missing' || err.kind === 'credentials') return 'unavailable';
  }
  return 'error';
}

/** Ask the tiers in order until one gives an acceptable plan. */
export async function planWithTiers(tiers: readonly Tier[], run: PlanRun): Promise<PlanResult> {
  const attempts: PlanAttempt[] = [];
  let fallback: Extract<PlanResult, { ok: true }> | undefined;
  for (let index = run.startAt ?? 0; index < tiers.length; index++) {
    const tier = tiers[index]!;
    const base = { tier: tier.name, latencyMs: 0, inputTokens: 0, outputTokens: 0, costUsd: 0 };
    const cloud = tier.backend.locality === 'cloud';
    if (cloud && run.privacy === 'local-only') {
      attempts.push({ ...base, outcome: 'skipped-privacy', detail: 'privacy is set to local only' });
      continue;
    }
    if (cloud && run.budget.remainingUsd() <= 0) {
      attempts.push({ ...base, outcome: 'skipped-budget', detail: "today's cloud budget is spent" });
      continue;
    }
    const scrub = (text: string): string => (cloud ? redactSecrets(text, run.envSecrets) : text);
    const style = tier.backend.replyStyle ?? 'full';
    const chosen = cloud ? run.cloudMessages : style === 'compact' ? run.compactMessages : undefined;
    let messages = (chosen ?? run.messages).map((m) => ({ ...m, content: scrub(m.content) }));
    const system = scrub(style === 'compact' ? planSystemPromptFor(style) : run.system);
    for (let repair = 0; repair < 2; repair++) {
      const started = performance.now();
      if (repair === 0) run.onTier?.(tier.name);
      let reply: ModelReply;
      try {
        reply = await tier.backend.complete({ system, messages, schema: planSchemaFor(style), schemaName: 'plan', timeoutMs: tier.timeoutMs, signal: run.signal, temperature: 0.2, maxTokens: style === 'compact' ? COMPACT_MAX_TOKENS : 1024 });
      } catch (err) {
        const outcome = run.signal?.aborted ? 'aborted' : outcomeOf(err);
        const hint = err instanceof BackendError && err.hint ? `; ${err.hint}` : '';
        attempts.push({ ...base, outcome, detail: `${(err as Error).message}${hint}`, latencyMs: performance.now() - started });
        if (outcome === 'aborted') return { ok: false, aborted: true, noTier: false, message: 'cancelled', attempts };
        break;
      }
      const cost = costOf(tier.pricing, reply);
      if (cloud && cost > 0) run.budget.record(cost);
      const record = { ...base, model: reply.model, latencyMs: performance.now() - started, inputTokens: reply.usage.inputTokens, outputTokens: reply.usage.outputTokens, costUsd: cost };
      const parsed = parsePlanReply(reply.text, style);
      const problem = parsed.ok ? run.validateCommand(parsed.reply.command) : parsed.problem;
      if (!parsed.ok || problem) {
        attempts.push({ ...record, outcome: 'invalid', detail: problem });
        // One repair: tell the model what was wrong and ask again.
        messages = [...messages, { role: 'assistant', content: reply.text.slice(0, 4000) }, { role: 'user', content: `That reply cannot be used: ${problem}. Reply again with only the JSON object.` }];
        continue;
      }
      const missing = await run.missingPrograms(parsed.reply.command);
      if (missing.length > 0) {
        attempts.push({ ...record, outcome: 'missing-programs', detail: `not installed here: ${missing.join(', ')}` });
        // One repair, as for an invalid reply: name what is missing and ask for installed programs.
        messages = [...messages, { role: 'assistant', content: reply.text.slice(0, 4000) }, { role: 'user', content: `That command cannot run here: ${missing.map((p) => `"${p}"`).join(', ')} ${missing.length === 1 ? 'is' : 'are'} not installed on this machine (or not a program at all). Reply again with only the JSON object, using installed programs.` }];
        continue;
      }
      const result = { ok: true as const, reply: parsed.reply, tier: tier.name, model: reply.model, tierIndex: index, attempts };
      if (parsed.reply.confidence < tier.minConfidence) {
        attempts.push({ ...record, outcome: 'low-confidence', detail: `confidence ${parsed.reply.confidence} < ${tier.minConfidence}` });
        fallback ??= { ...result, lowConfidence: true };
        break;
      }
      attempts.push({ ...record, outcome: 'ok' });
      return { ...result, lowConfidence: false };
    }
  }
  if (fallback) return { ...fallback, attempts };
  const noTier = attempts.every((a) => a.outcome === 'unavailable' || a.outcome === 'skipped-privacy' || a.outcome === 'skipped-budget');
  return { ok: false, aborted: false, noTier, message: explainFailure(tiers, attempts), attempts };
}

/** Room for the longest compact reply even at one token per character (300 + 100 characters and the JSON around them). */
const COMPACT_MAX_TOKENS = 448;

/** One line for the user when no tier gave a plan. */
function explainFailure(tiers: readonly Tier[], attempts: PlanAttempt[]): string {
  if (tiers.length === 0) return 'no model is set up (see `nl-sh --doctor` and the README: \`nl-sh --model pull\`, or install Ollama and pull a model, or configure Bedrock)';
  const last = attempts.map((a) => `${a.tier}: ${a.outcome}${a.detail ? ` (${a.detail})` : ''}`);
  return `no model tier could answer: ${last.join('; ')}`;
}
