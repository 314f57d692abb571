// Builds the planner from the configuration: one backend per configured tier, the plan cache and
// the cloud budget in the XDG directories, and the checks a reply must pass, which come from the
// bash parser (does it parse) and the command table (are its programs installed).

import { statSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDir, stateDir, type Config, type TierConfig } from '../config.js';
import { BackendError, createPlanner, fileCacheStore, fileCloudBudget, localContextSources, redactSecrets, secretEnvValues, type CommandExample, type LastCommand, type ModelBackend, type Planner, type PlannerDeps, type Tier } from '../planner/index.js';
import { createOllamaBackend } from '../planner/backends/ollama.js';
import { createBedrockBackend } from '../planner/backends/bedrock.js';
import { createEmbeddedBackend } from '../planner/backends/embedded.js';
import { readRecording, recordingBackend, replayingBackend } from '../planner/backends/record-replay.js';
import { CommandTable, readHistory, searchHistory } from '../repl/index.js';
import type { BashParser, SyntaxNode } from '../risk/index.js';

/**
 * The backend for one configured tier; with NLSH_RECORD set, every exchange is recorded there,
 * redacted as a cloud tier's request is (a recording is made to be shared in a bug report).
 * OLLAMA_HOST, AWS_REGION and AWS_PROFILE were read once, into the tier, by the config; the
 * backends get only the values (and Bedrock its bearer token, a credential, not config). The
 * embedded backend gets the directories it needs (runtime, models) and the server's idle time.
 */
export function backendFor(tier: TierConfig, env: Record<string, string | undefined>, modelIdleSeconds = 600): ModelBackend {
  const backend =
    tier.backend === 'ollama'
      ? createOllamaBackend({ model: tier.model, host: tier.host, env: {} })
      : tier.backend === 'bedrock'
        ? createBedrockBackend({ model: tier.model, region: tier.region, profile: tier.profile, endpoint: tier.endpoint, env: { AWS_BEARER_TOKEN_BEDROCK: env.AWS_BEARER_TOKEN_BEDROCK } })
        : tier.backend === 'embedded'
          ? createEmbeddedBackend({ model: tier.model, env: pick(env, ['XDG_RUNTIME_DIR', 'XDG_DATA_HOME', 'HOME']), idleSeconds: modelIdleSeconds })
          : replayFrom(tier);
  if (!env.NLSH_RECORD) return backend;
  const envSecrets = secretEnvValues(env);
  return recordingBackend(backend, env.NLSH_RECORD, (text) => redactSecrets(text, envSecrets));
}

function pick(env: Record<string, string | undefined>, names: readonly string[]): Record<string, string | undefined> {
  return Object.fromEntries(names.map((n) => [n, env[n]]));
}

/** A replay tier; a recording that cannot be read makes an unavailable tier, not a crash. */
function replayFrom(tier: TierConfig): ModelBackend {
  const name = `replay:${tier.name}`;
  try {
    return replayingBackend({ name, locality: 'local', exchanges: readRecording(tier.file ?? '') });
  } catch (err) {
    const why = new BackendError('unavailable', `cannot read the recording ${tier.file}: ${(err as Error).message}`, 'check the tier\'s `file`');
    return {
      name,
      locality: 'local',
      checkAvailable: async () => ({ ok: false, reason: why.message, hint: why.hint ?? '' }),
      complete: async () => Promise.reject(why),
      stream: async () => Promise.reject(why),
    };
  }
}

/** The configured tiers, each with its backend and prices. */
export function tiersFrom(config: Config, env: Record<string, string | undefined>): Tier[] {
  return config.tiers.map((t) => ({
    name: t.name,
    backend: backendFor(t, env, config.modelIdleSeconds),
    timeoutMs: t.timeoutMs,
    minConfidence: t.minConfidence,
    pricing: t.inputPricePerMTok !== undefined || t.outputPricePerMTok !== undefined ? { inputPerMTok: t.inputPricePerMTok ?? 0, outputPerMTok: t.outputPricePerMTok ?? 0 } : undefined,
  }));
}

/** The names of the programs a command runs (literal command words only). */
export function commandWords(root: SyntaxNode): string[] {
  const words: string[] = [];
  const visit = (node: SyntaxNode | null): void => {
    if (!node) return;
    if (node.type === 'command_name') words.push(node.text);
    for (const child of node.namedChildren) visit(child);
  };
  visit(root);
  return words;
}

/** The user's own requests whose commands ran and exited 0 (newest 100), as examples for small
 * models; read again only when the history file changed. */
function ownExamplesFrom(historyFile: string): () => Promise<CommandExample[]> {
  let seen = '';
  let examples: CommandExample[] = [];
  return async () => {
    const st = statSync(historyFile, { throwIfNoEntry: false });
    const stamp = st ? `${st.size}:${st.mtimeMs}` : '';
    if (stamp !== seen) {
      const hits = stamp ? searchHistory(readHistory(historyFile), { route: 'nl', exitStatus: 0, limit: 100 }) : [];
      examples = hits.flatMap((e) => (e.command ? [{ request: e.line, command: e.command }] : []));
      seen = stamp;
    }
    return examples;
  };
}

/** What the planner is built from. */
export interface PlannerWiring {
  config: Config;
  env: Record<string, string | undefined>;
  parser: BashParser;
  lastCommand?: () => Promise<LastCommand | undefined>;
  pluginFacts?: (cwd: string, budgetMs: number) => Promise<string[]>;
}

/** Build the planner for this user. */
export function buildPlanner(opts: PlannerWiring): Planner {
  return createPlanner(plannerDeps(opts));
}

/** The planner's parts for this user (also what `--show-context` previews with). */
export function plannerDeps(opts: PlannerWiring): PlannerDeps {
  const { config, env, parser } = opts;
  const table = new CommandTable({ aliases: [], functions: [], path: env.PATH ?? '' });
  return {
    tiers: tiersFrom(config, env),
    privacy: config.privacy,
    cloudHistory: config.cloudHistory,
    budget: fileCloudBudget(join(stateDir(env), 'cloud-spend.json'), config.dailyCloudBudgetUsd),
    envSecrets: secretEnvValues(env),
    cache: fileCacheStore(join(cacheDir(env), 'plans')),
    contextSources: {
      ...localContextSources({ env, shell: 'bash', lastCommand: opts.lastCommand ?? (async () => undefined) }),
      // Within the 50 ms context budget: tools get 40 ms (each loses only its own facts when slow),
      // plugins 25 ms (a plugin still busy then is left out, not waited for).
      integrations: async (cwd) => {
        const [tools, plugins] = await Promise.all([import('../integrations/index.js').then((m) => m.integrationContext(cwd, env, 40)), opts.pluginFacts?.(cwd, 25) ?? []]);
        return [...tools, ...plugins];
      },
    },
    contextBudgetMs: 50,
    ownExamples: ownExamplesFrom(join(stateDir(env), 'history.jsonl')),
    validateCommand: (command) => parser.withTree(command, (root) => (root.hasError ? 'the command does not parse as bash' : undefined)),
    missingPrograms: (command) =>
      parser.withTree(command, (root) => commandWords(root)).filter((w) => /^[A-Za-z0-9_.+-]+$/.test(w) && table.typeOf(w) === ''),
  };
}
