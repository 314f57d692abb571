// nl-sh's configuration: one schema, defaults merged once with the user's file, frozen.
// A file that cannot be read or parsed falls back to the defaults with one clear line; a shell
// must start whatever is in its config.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { homedir } from 'node:os';

/** The effective configuration. */
export interface Config {
  /** Bytes kept of the last command's output for `?` questions and planner context. */
  captureBytes: number;
  /** A line starting with this goes to the model. */
  nlPrefix: string;
  /** A line starting with this goes to bash as typed. */
  shellPrefix: string;
  /** Model tiers, cheapest first. */
  tiers: readonly TierConfig[];
  /** 'local-only' never sends anything off the machine; 'cloud-allowed' lets cloud tiers answer. */
  privacy: 'local-only' | 'cloud-allowed';
  /** Cloud spending allowed per day, in US dollars (undefined: no limit). */
  dailyCloudBudgetUsd: number | undefined;
  /** Also send audit events to the system journal (logger). */
  auditJournal: boolean;
}

/** One model tier as configured. */
export interface TierConfig {
  name: string;
  backend: 'ollama' | 'bedrock' | 'replay';
  model: string;
  /** Replay: the recording (JSONL) to answer from. */
  file?: string;
  timeoutMs: number;
  minConfidence: number;
  /** Ollama: the server (default $OLLAMA_HOST or http://127.0.0.1:11434). */
  host?: string;
  /** Bedrock: region and profile (default $AWS_REGION, $AWS_PROFILE), and an endpoint override. */
  region?: string;
  profile?: string;
  endpoint?: string;
  inputPricePerMTok?: number;
  outputPricePerMTok?: number;
}

/** The tier used when none is configured: a local model through Ollama. */
export const defaultTiers: readonly TierConfig[] = Object.freeze([{ name: 'local', backend: 'ollama', model: 'qwen2.5-coder:7b', timeoutMs: 30_000, minConfidence: 0.5 }]);

/** Defaults used when nothing says otherwise. */
export const defaultConfig: Readonly<Config> = Object.freeze({ captureBytes: 1 << 20, nlPrefix: ',', shellPrefix: '\\', tiers: defaultTiers, privacy: 'local-only', dailyCloudBudgetUsd: undefined, auditJournal: false });

/** nl-sh's config directory: $XDG_CONFIG_HOME/nl-sh, else ~/.config/nl-sh. */
export function configDir(env: Record<string, string | undefined>): string {
  return join(env.XDG_CONFIG_HOME || join(env.HOME || homedir(), '.config'), 'nl-sh');
}

/** nl-sh's state directory (history, audit log, spending): $XDG_STATE_HOME/nl-sh. */
export function stateDir(env: Record<string, string | undefined>): string {
  return join(env.XDG_STATE_HOME || join(env.HOME || homedir(), '.local', 'state'), 'nl-sh');
}

/** nl-sh's cache directory (cached plans): $XDG_CACHE_HOME/nl-sh. */
export function cacheDir(env: Record<string, string | undefined>): string {
  return join(env.XDG_CACHE_HOME || join(env.HOME || homedir(), '.cache'), 'nl-sh');
}

/** Where the user's config file lives. */
export function configPath(env: Record<string, string | undefined>): string {
  return join(configDir(env), 'config.toml');
}

/** The config and the problems found reading it (each one line for the user). */
export interface LoadedConfig {
  config: Readonly<Config>;
  problems: string[];
}

/** Load the config file; never throws. The TOML parser is loaded only when there is a file. */
export async function loadConfig(env: Record<string, string | undefined>, loadToml: () => Promise<(text: string) => Record<string, unknown>>): Promise<LoadedConfig> {
  const path = configPath(env);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { config: defaultConfig, problems: [] };
    return { config: defaultConfig, problems: [`cannot read ${path} (${code ?? String(err)}); using defaults`] };
  }
  let data: Record<string, unknown>;
  try {
    data = (await loadToml())(text);
  } catch (err) {
    const first = String((err as Error).message ?? err).split('\n')[0];
    return { config: defaultConfig, problems: [`${path}: ${first}; using defaults`] };
  }
  const problems: string[] = [];
  const config: Config = { ...defaultConfig };
  for (const [key, value] of Object.entries(data)) {
    if (key === 'capture_bytes') {
      if (typeof value === 'number' && Number.isInteger(value) && value >= 4096 && value <= 64 << 20) config.captureBytes = value;
      else problems.push(`${path}: capture_bytes: expected a whole number of bytes from 4096 to 67108864, found ${JSON.stringify(value)}; using ${defaultConfig.captureBytes}`);
    } else if (key === 'nl_prefix' || key === 'shell_prefix') {
      const field = key === 'nl_prefix' ? 'nlPrefix' : 'shellPrefix';
      if (typeof value === 'string' && value.length <= 4 && !/\s/.test(value)) config[field] = value;
      else problems.push(`${path}: ${key}: expected up to 4 non-blank characters, found ${JSON.stringify(value)}; using ${JSON.stringify(defaultConfig[field])}`);
    } else if (key === 'privacy') {
      if (value === 'local-only' || value === 'cloud-allowed') config.privacy = value;
      else problems.push(`${path}: privacy: expected "local-only" or "cloud-allowed", found ${JSON.stringify(value)}; using "local-only"`);
    } else if (key === 'daily_cloud_budget_usd') {
      if (typeof value === 'number' && value >= 0) config.dailyCloudBudgetUsd = value;
      else {
        // A budget that cannot be read is the most restrictive one.
        problems.push(`${path}: daily_cloud_budget_usd: expected a number of dollars (0 or more), found ${JSON.stringify(value)}; using 0 (no cloud calls)`);
        config.dailyCloudBudgetUsd = 0;
      }
    } else if (key === 'audit_journal') {
      if (typeof value === 'boolean') config.auditJournal = value;
      else problems.push(`${path}: audit_journal: expected true or false, found ${JSON.stringify(value)}; using false`);
    } else if (key === 'tiers') {
      const tiers = readTiers(value, path, problems);
      if (tiers) config.tiers = tiers;
    } else {
      problems.push(`${path}: unknown key ${JSON.stringify(key)} (ignored)`);
    }
  }
  return { config: Object.freeze(config), problems };
}

/** Read `[[tiers]]`; any broken tier drops the whole list (with one line saying which key). */
function readTiers(value: unknown, path: string, problems: string[]): TierConfig[] | undefined {
  const fail = (where: string, expected: string, found: unknown): undefined => {
    problems.push(`${path}: ${where}: expected ${expected}, found ${JSON.stringify(found)}; using the default tier`);
    return undefined;
  };
  if (!Array.isArray(value)) return fail('tiers', 'a list of [[tiers]] tables', value);
  const tiers: TierConfig[] = [];
  for (const [i, raw] of value.entries()) {
    const at = `tiers[${i}]`;
    if (!raw || typeof raw !== 'object') return fail(at, 'a table', raw);
    const t = raw as Record<string, unknown>;
    if (t.backend !== 'ollama' && t.backend !== 'bedrock' && t.backend !== 'replay') return fail(`${at}.backend`, '"ollama", "bedrock" or "replay"', t.backend);
    if (t.backend === 'replay' && t.model === undefined) t.model = 'replay';
    if (typeof t.model !== 'string' || t.model === '') return fail(`${at}.model`, 'a model name', t.model);
    if (t.backend === 'replay' && typeof t.file !== 'string') return fail(`${at}.file`, 'the path of a recording (JSONL)', t.file);
    const name = t.name ?? `${t.backend}-${i + 1}`;
    if (typeof name !== 'string') return fail(`${at}.name`, 'a string', name);
    const timeoutMs = t.timeout_ms ?? 30_000;
    if (typeof timeoutMs !== 'number' || timeoutMs < 100 || timeoutMs > 600_000) return fail(`${at}.timeout_ms`, 'milliseconds from 100 to 600000', timeoutMs);
    const minConfidence = t.min_confidence ?? 0.5;
    if (typeof minConfidence !== 'number' || minConfidence < 0 || minConfidence > 1) return fail(`${at}.min_confidence`, 'a number from 0 to 1', minConfidence);
    const tier: TierConfig = { name, backend: t.backend, model: t.model, timeoutMs, minConfidence };
    for (const [key, field] of [['host', 'host'], ['region', 'region'], ['profile', 'profile'], ['endpoint', 'endpoint'], ['file', 'file']] as const) {
      if (t[key] === undefined) continue;
      if (typeof t[key] !== 'string') return fail(`${at}.${key}`, 'a string', t[key]);
      tier[field] = t[key] as string;
    }
    for (const [key, field] of [['input_price_per_mtok', 'inputPricePerMTok'], ['output_price_per_mtok', 'outputPricePerMTok']] as const) {
      if (t[key] === undefined) continue;
      if (typeof t[key] !== 'number' || (t[key] as number) < 0) return fail(`${at}.${key}`, 'dollars per million tokens', t[key]);
      tier[field] = t[key] as number;
    }
    const known = new Set(['name', 'backend', 'model', 'file', 'timeout_ms', 'min_confidence', 'host', 'region', 'profile', 'endpoint', 'input_price_per_mtok', 'output_price_per_mtok']);
    for (const key of Object.keys(t)) if (!known.has(key)) problems.push(`${path}: ${at}.${key}: unknown key (ignored)`);
    tiers.push(tier);
  }
  return tiers;
}
