// Merges the layers once: defaults, then the config file, then the environment, then flags,
// into one frozen Config, recording where each value came from ("default", "file PATH:LINE",
// "env NAME", "flag --x"). A bad value is one problem line (where, key, expected, found, what
// is used instead) and its documented fallback. Never throws.

import { shown } from './checks.js';
import { readConfigFile, type LoadToml } from './file.js';
import { keyLine } from './lines.js';
import { configPath } from './paths.js';
import { CONFIG_FILE_ENV, KEYS, TIER_KEYS, defaultConfig, defaultTiers, type Config, type KeySpec, type Settings, type TierConfig } from './schema.js';
import { readTiers } from './tiers.js';
import { currentModel } from '../model-store.js';

type Env = Record<string, string | undefined>;

/** The config, where each value came from (by TOML key, e.g. "privacy", "tiers[0].host"), and the problems found (one line each). */
export interface LoadedConfig {
  config: Readonly<Config>;
  problems: string[];
  sources: Readonly<Record<string, string>>;
  /** The config file read (or that would have been). */
  path: string;
}

/** One layer's say about a key. */
interface Candidate {
  value: unknown;
  /** As a source: "file PATH:LINE", "env NAME", "flag --x". */
  source: string;
  /** As a problem line's start: "PATH:LINE", "env NAME", "flag --x". */
  where: string;
}

const nonEmpty = (v: string | undefined): string | undefined => (v === undefined || v === '' ? undefined : v);

/** Load the configuration; never throws. `flags` maps a schema flag ("--privacy") to its text. */
export async function loadConfig(env: Env, loadToml: LoadToml, flags: Readonly<Record<string, string>> = {}): Promise<LoadedConfig> {
  const path = configPath(env);
  try {
    return await load(env, loadToml, flags, path);
  } catch (err) {
    return { config: defaultConfig, problems: [`reading the configuration failed (${String(err)}); using defaults`], sources: {}, path };
  }
}

async function load(env: Env, loadToml: LoadToml, flags: Readonly<Record<string, string>>, path: string): Promise<LoadedConfig> {
  const file = await readConfigFile(path, nonEmpty(env[CONFIG_FILE_ENV]) !== undefined, loadToml);
  const problems = [...file.problems];
  const text = file.text ?? '';
  const at = (line: number | undefined): string => (line === undefined ? path : `${path}:${line}`);
  const candidates = new Map<string, Candidate[]>(Object.keys(KEYS).map((f) => [f, []]));
  const byToml = new Map(Object.entries(KEYS).map(([field, spec]) => [spec.toml, field]));
  const byFlag = new Map(Object.entries(KEYS).map(([field, spec]) => [spec.flag, field]));
  let fileTiers: unknown;
  let tiersWhere = '';

  // Highest precedence first: flags, the environment, the file.
  for (const [flag, value] of Object.entries(flags)) {
    const field = byFlag.get(flag);
    if (field === undefined) problems.push(`flag ${flag}: unknown (ignored)`);
    else candidates.get(field)?.push({ value: spec(field).fromText(value), source: `flag ${flag}`, where: `flag ${flag}` });
  }
  for (const [field, s] of Object.entries(KEYS)) {
    const value = nonEmpty(env[s.env]);
    if (value !== undefined) candidates.get(field)?.push({ value: s.fromText(value), source: `env ${s.env}`, where: `env ${s.env}` });
    else if (s.convention && nonEmpty(env[s.convention.env]) !== undefined) candidates.get(field)?.push({ value: s.convention.value, source: `env ${s.convention.env}`, where: `env ${s.convention.env}` });
  }
  for (const [key, value] of Object.entries(file.data ?? {})) {
    const where = at(keyLine(text, { key }));
    const field = byToml.get(key);
    if (key === 'tiers') [fileTiers, tiersWhere] = [value, where];
    else if (field === undefined) problems.push(`${where}: ${key}: unknown key (ignored)`);
    else candidates.get(field)?.push({ value, source: `file ${where}`, where });
  }

  const settings: Record<string, unknown> = {};
  const sources: Record<string, string> = {};
  for (const [field, list] of candidates) {
    const s = spec(field);
    const top = list[0];
    const checked = top && s.check(top.value);
    if (!top) [settings[field], sources[s.toml]] = [s.default, 'default'];
    else if (checked?.ok) [settings[field], sources[s.toml]] = [checked.value, top.source];
    else [settings[field], sources[s.toml]] = [s.fallback, `fallback (bad value in ${top.source})`];
    for (const c of list) {
      const r = s.check(c.value);
      if (r.ok) continue;
      const using = c === top ? (s.fallbackText ?? shown(s.fallback)) : `${shown(settings[field])} (${sources[s.toml]})`;
      problems.push(`${c.where}: ${s.toml}: expected ${r.expected}, found ${shown(c.value)}; using ${using}`);
    }
  }

  let tiers: TierConfig[] = defaultTiersHere(env, (settings as Settings).privacy);
  let tierSources: Record<string, string> = { tiers: 'default' };
  if (fileTiers !== undefined) {
    const read = readTiers(fileTiers, (i, key) => at(keyLine(text, { key, table: { name: 'tiers', index: i } }) ?? keyLine(text, { key: 'tiers' })), tiersWhere);
    problems.push(...read.problems);
    if (read.tiers) [tiers, tierSources] = [read.tiers, { tiers: `file ${tiersWhere}`, ...read.sources }];
  }
  applyConventions(tiers, env, tierSources);
  Object.assign(sources, tierSources);

  const config: Config = { ...(settings as Settings), tiers: Object.freeze(tiers.map((t) => Object.freeze(t))) };
  return { config: Object.freeze(config), problems: inFileOrder(problems, path), sources: Object.freeze(sources), path };
}

/** The default tiers that are there: nl-sh's own model only when one is installed, the cloud only
 * when privacy allows it (so a missing one is not named in every failure), Ollama always. */
function defaultTiersHere(env: Env, privacy: Settings['privacy']): TierConfig[] {
  const present = (t: TierConfig): boolean => (t.backend === 'embedded' ? currentModel(env).ok : t.backend === 'bedrock' ? privacy === 'cloud-allowed' : true);
  return defaultTiers.filter(present).map((t) => ({ ...t }));
}

/** The file's problems first, by line, then the others as found. */
function inFileOrder(problems: string[], path: string): string[] {
  const line = (p: string): number => (p.startsWith(`${path}:`) ? Number(/^:(\d+)/.exec(p.slice(path.length))?.[1] ?? 0) : Infinity);
  return problems.map((p, i) => ({ p, i, n: line(p) })).sort((a, b) => a.n - b.n || a.i - b.i).map((x) => x.p);
}

function spec(field: string): KeySpec<unknown> {
  return KEYS[field as keyof typeof KEYS] as KeySpec<unknown>;
}

/** OLLAMA_HOST, AWS_REGION / AWS_DEFAULT_REGION and AWS_PROFILE as the defaults of the tiers' keys; fills in every source. */
function applyConventions(tiers: TierConfig[], env: Env, sources: Record<string, string>): void {
  for (const [i, tier] of tiers.entries()) {
    const t = tier as unknown as Record<string, unknown>;
    for (const [field, s] of Object.entries(TIER_KEYS)) {
      const name = `tiers[${i}].${s.toml}`;
      if (s.backend !== undefined && s.backend !== tier.backend) continue;
      if (t[field] === undefined && s.env) {
        const from = s.env.find((e) => nonEmpty(env[e]) !== undefined);
        if (from !== undefined) [t[field], sources[name]] = [env[from], `env ${from}`];
      }
      if (t[field] !== undefined) sources[name] ??= 'default';
    }
  }
}
