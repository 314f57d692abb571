// The planner's front door: a request becomes a candidate command (cache first, then the tiers),
// and a `?` question becomes a streamed answer. It only proposes: nothing here runs anything.

import type { ChatMessage } from './model-backend.js';
import { gatherContext, type ContextSources, type PlannerContext } from './context.js';
import { planCacheKey, type PlanCacheStore } from './plan-cache.js';
import { ASK_SYSTEM_PROMPT, PLAN_SYSTEM_PROMPT } from './prompt.js';
import type { CloudHistory } from './context-need.js';
import { messagesByLocality, sentToTier } from './tier-messages.js';
import { planWithTiers, type CloudBudget, type PlanResult, type Tier } from './tier-router.js';
import { BackendError } from './model-backend.js';
import { createExampleChooser, type CommandExample } from './examples.js';
import { EXAMPLE_CORPUS } from './example-corpus.js';
import { examplesForRequest } from './request-examples.js';

/** What the planner is built from (constructed by main). */
export interface PlannerDeps {
  tiers: readonly Tier[];
  privacy: 'local-only' | 'cloud-allowed';
  budget: CloudBudget;
  envSecrets: readonly string[];
  /** Whether cloud tiers may get bash history lines (only ever when the request refers to earlier work). */
  cloudHistory: CloudHistory;
  cache: PlanCacheStore;
  contextSources: ContextSources;
  contextBudgetMs: number;
  validateCommand(command: string): string | undefined;
  missingPrograms(command: string): string[];
  /** The user's own requests and the commands that ran successfully for them, newest first: examples for small
   * local models beside nl-sh's corpus (absent: the corpus alone). The context's history lines carry no exit status. */
  ownExamples?(cwd: string): Promise<readonly CommandExample[]>;
}

/** Options for one request. */
export interface SuggestOptions {
  cwd: string;
  signal?: AbortSignal;
  /** Earlier turns (a revision: "only in src"). */
  earlier?: ChatMessage[];
  /** Skip the cache and start above this tier ("try harder"). */
  startAt?: number;
  /** Told each tier's name as it is asked (for the status line). */
  onTier?: (tier: string) => void;
  /** `type -t` of words from the user's live bash, so its aliases and functions count as installed. */
  shellTypes?: (words: string[]) => Promise<string[]>;
}

/** A plan, with the context it was made in and whether it came from the cache. */
export type Suggestion = PlanResult & { cached: boolean; context: PlannerContext };

/** The result of a question. */
export type Answer = { ok: true; text: string; tier: string; model: string } | { ok: false; aborted: boolean; noTier: boolean; message: string };

/** The planner. */
export interface Planner {
  suggest(request: string, opts: SuggestOptions): Promise<Suggestion>;
  ask(question: string, onText: (piece: string) => void, opts: SuggestOptions): Promise<Answer>;
}

/** Build a planner. */
export function createPlanner(deps: PlannerDeps): Planner {
  const chooser = createExampleChooser(EXAMPLE_CORPUS);
  return {
    async suggest(request, opts) {
      const fresh = opts.startAt === undefined && !opts.earlier?.length;
      // The cache key needs only facts that cost no process: check it before gathering the rest.
      const sources = deps.contextSources;
      const [os, tools, branch] = await Promise.all([sources.os().catch(() => undefined), sources.tools().catch(() => undefined), sources.branch(opts.cwd).catch(() => undefined)]);
      const key = planCacheKey(request, { cwd: opts.cwd, os, tools, branch });
      if (fresh) {
        const hit = deps.cache.get(key);
        if (hit) return { ok: true, reply: hit.reply, tier: hit.tier, model: hit.model, lowConfidence: false, tierIndex: 0, attempts: [], cached: true, context: { cwd: opts.cwd, os, tools, omitted: [] } };
      }
      const context = await gatherContext(opts.cwd, deps.contextSources, deps.contextBudgetMs);
      const examples = await examplesForRequest(deps, chooser, request, opts);
      const messages = messagesByLocality('plan', request, context, opts.earlier ?? [], deps.cloudHistory, examples);
      const result = await planWithTiers(deps.tiers, {
        system: PLAN_SYSTEM_PROMPT,
        messages: messages.local,
        cloudMessages: messages.cloud,
        compactMessages: messages.compact,
        privacy: deps.privacy,
        budget: deps.budget,
        envSecrets: deps.envSecrets,
        validateCommand: deps.validateCommand,
        missingPrograms: async (command) => {
          const missing = deps.missingPrograms(command);
          if (missing.length === 0 || !opts.shellTypes) return missing;
          const types = await opts.shellTypes(missing).catch(() => missing.map(() => ''));
          return missing.filter((_, i) => !types[i]);
        },
        startAt: opts.startAt,
        signal: opts.signal,
        onTier: opts.onTier,
      });
      if (result.ok && !result.lowConfidence && fresh) deps.cache.set(key, { reply: result.reply, tier: result.tier, model: result.model, savedAt: Date.now() });
      return { ...result, cached: false, context };
    },

    async ask(question, onText, opts) {
      const context = await gatherContext(opts.cwd, deps.contextSources, deps.contextBudgetMs);
      const messages = messagesByLocality('ask', question, context, opts.earlier ?? [], deps.cloudHistory);
      const problems: string[] = [];
      let reachable = false;
      for (const tier of deps.tiers) {
        const cloud = tier.backend.locality === 'cloud';
        if (cloud && deps.privacy === 'local-only') continue;
        if (cloud && deps.budget.remainingUsd() <= 0) {
          problems.push(`${tier.name}: today's cloud budget is spent`);
          continue;
        }
        const sent = sentToTier(tier.backend, ASK_SYSTEM_PROMPT, messages, deps.envSecrets);
        let started = false;
        opts.onTier?.(tier.name);
        try {
          const reply = await tier.backend.stream(
            { system: sent.system, messages: sent.messages, timeoutMs: tier.timeoutMs, signal: opts.signal, maxTokens: 1024 },
            (piece) => {
              started = true;
              onText(piece);
            },
          );
          if (cloud && tier.pricing) deps.budget.record((reply.usage.inputTokens * tier.pricing.inputPerMTok + reply.usage.outputTokens * tier.pricing.outputPerMTok) / 1e6);
          return { ok: true, text: reply.text, tier: tier.name, model: reply.model };
        } catch (err) {
          if (opts.signal?.aborted) return { ok: false, aborted: true, noTier: false, message: 'cancelled' };
          // Once text has been shown, another tier would start a second answer: stop here.
          if (started) return { ok: false, aborted: false, noTier: false, message: `${tier.name}: the answer broke off (${(err as Error).message})` };
          if (!(err instanceof BackendError && ['unavailable', 'model-missing', 'credentials'].includes(err.kind))) reachable = true;
          problems.push(`${tier.name}: ${(err as Error).message}`);
        }
      }
      if (deps.tiers.length === 0) return { ok: false, aborted: false, noTier: true, message: 'no model is set up (\`nl-sh --model pull\`, or install Ollama and pull a model, or configure Bedrock; see the README)' };
      return { ok: false, aborted: false, noTier: !reachable, message: problems.length ? `no model tier could answer: ${problems.join('; ')}` : 'no tier is allowed (privacy is local only and every tier is in the cloud)' };
    },
  };
}
