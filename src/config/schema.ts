// The one definition of nl-sh's configuration: every key of config.toml with its type, default,
// validator, documentation, environment variable and flag, and what a bad value falls back to.
// The Config type, the defaults, the loader, `nl-sh --config` and docs/configuration.md all come
// from these tables.

import { boolean, numberIn, oneOf, readBoolean, readNumber, readText, text, wholeNumber, type Check } from './checks.js';

/** One top-level key of config.toml, everything about it in one row. */
export interface KeySpec<T> {
  /** The key's name in config.toml. */
  toml: string;
  /** The environment variable that sets it. */
  env: string;
  /** The flag that sets it (for loadConfig's `flags`). */
  flag: string;
  /** The validator: the value, or what was expected. */
  check: Check<T>;
  default: T;
  /** What a bad value becomes. */
  fallback: T;
  /** How the fallback reads in a problem line (default: the value itself). */
  fallbackText?: string;
  /** Turns the environment variable's or flag's text into the value a TOML file would hold. */
  fromText: (s: string) => unknown;
  /** One line for docs and `nl-sh --config`. */
  doc: string;
  /** A conventional variable that, set and not empty, means `value` (when `env` is unset), e.g. NO_COLOR. */
  convention?: { env: string; value: T };
}

const key = <T>(spec: KeySpec<T>): KeySpec<T> => spec;
const prefix = (s: string): boolean => s.length <= 4 && !/\s/.test(s);

/** Every top-level key except `[[tiers]]`, in the order docs and `nl-sh --config` show them. */
export const KEYS = {
  captureBytes: key({ toml: 'capture_bytes', env: 'NLSH_CAPTURE_BYTES', flag: '--capture-bytes', check: wholeNumber(4096, 64 << 20, 'a whole number of bytes'), default: 1 << 20, fallback: 1 << 20, fromText: readNumber, doc: "Bytes kept of the last command's output, for `?` questions and the planner's context." }),
  nlPrefix: key({ toml: 'nl_prefix', env: 'NLSH_NL_PREFIX', flag: '--nl-prefix', check: text('up to 4 non-blank characters', prefix), default: ',', fallback: ',', fromText: readText, doc: 'A line starting with this goes to the model ("" turns the prefix off).' }),
  shellPrefix: key({ toml: 'shell_prefix', env: 'NLSH_SHELL_PREFIX', flag: '--shell-prefix', check: text('up to 4 non-blank characters', prefix), default: '\\', fallback: '\\', fromText: readText, doc: 'A line starting with this goes to bash as typed ("" turns the prefix off).' }),
  privacy: key<'local-only' | 'cloud-allowed'>({ toml: 'privacy', env: 'NLSH_PRIVACY', flag: '--privacy', check: oneOf(['local-only', 'cloud-allowed']), default: 'local-only', fallback: 'local-only', fromText: readText, doc: '"local-only" never sends anything off the machine; "cloud-allowed" lets cloud tiers answer.' }),
  cloudHistory: key<'never' | 'when-referenced'>({ toml: 'cloud_history', env: 'NLSH_CLOUD_HISTORY', flag: '--cloud-history', check: oneOf(['never', 'when-referenced']), default: 'when-referenced', fallback: 'never', fromText: readText, doc: 'Bash history lines for cloud tiers: "when-referenced" sends the last 10 only when the request refers to earlier work ("again", "the last command", "what I ran"), "never" sends none. Local tiers always get them.' }),
  dailyCloudBudgetUsd: key<number | undefined>({ toml: 'daily_cloud_budget_usd', env: 'NLSH_DAILY_CLOUD_BUDGET_USD', flag: '--daily-cloud-budget-usd', check: numberIn(0, Number.MAX_VALUE, 'a number of dollars (0 or more)'), default: undefined, fallback: 0, fallbackText: '0 (no cloud calls)', fromText: readNumber, doc: 'Cloud spending allowed per day, in US dollars; unset means no limit. A bad value means 0: no cloud calls.' }),
  auditJournal: key({ toml: 'audit_journal', env: 'NLSH_AUDIT_JOURNAL', flag: '--audit-journal', check: boolean, default: false, fallback: false, fromText: readBoolean, doc: 'Also send audit events to the system journal (logger).' }),
  modelIdleSeconds: key({ toml: 'model_idle_seconds', env: 'NLSH_MODEL_IDLE_SECONDS', flag: '--model-idle-seconds', check: wholeNumber(1, 86_400, 'a whole number of seconds from 1 to 86400'), default: 600, fallback: 600, fromText: readNumber, doc: 'The embedded model server (`nl-sh-model`) exits after this many seconds without requests; the next request starts it again.' }),
  color: key<'auto' | 'always' | 'never'>({ toml: 'color', env: 'NLSH_COLOR', flag: '--color', check: oneOf(['auto', 'always', 'never']), default: 'auto', fallback: 'auto', fromText: readText, doc: 'Colour in nl-sh\'s own output: "auto" (when the terminal shows it), "always" or "never". NO_COLOR makes it "never" unless NLSH_COLOR is set.', convention: { env: 'NO_COLOR', value: 'never' } }),
} as const;

type KeyTypes = typeof KEYS;
/** The top-level settings, typed from KEYS. */
export type Settings = { -readonly [K in keyof KeyTypes]: KeyTypes[K] extends KeySpec<infer T> ? T : never };

/** The effective configuration. */
export interface Config extends Settings {
  /** Model tiers, cheapest first. */
  tiers: readonly TierConfig[];
}

/** One model tier as configured. */
export interface TierConfig {
  name: string;
  backend: 'ollama' | 'bedrock' | 'embedded' | 'replay';
  /** The model id; for embedded, a GGUF file's path or "default" (the model chosen with `nl-sh --model use`). */
  model: string;
  /** Replay: the recording (JSONL) to answer from. */
  file?: string;
  timeoutMs: number;
  minConfidence: number;
  /** Ollama: the server (default $OLLAMA_HOST, else http://127.0.0.1:11434). */
  host?: string;
  /** Bedrock: region and profile (default $AWS_REGION or $AWS_DEFAULT_REGION, $AWS_PROFILE), and an endpoint override. */
  region?: string;
  profile?: string;
  endpoint?: string;
  inputPricePerMTok?: number;
  outputPricePerMTok?: number;
}

/** One key of a `[[tiers]]` table. */
export interface TierKeySpec {
  toml: string;
  check: Check<unknown>;
  /** The default as docs show it, in Markdown ('' when the key has none). */
  defaultDoc: string;
  doc: string;
  /** The backend the key is for (absent: every backend). */
  backend?: TierConfig['backend'];
  /** The conventional environment variables that give its default for that backend, first non-empty wins. */
  env?: readonly string[];
}

/** Every key of a `[[tiers]]` table; the loader adds the rules that tie keys together. */
export const TIER_KEYS: { readonly [K in keyof TierConfig]-?: TierKeySpec } = {
  name: { toml: 'name', check: text('a string'), defaultDoc: '`"<backend>-<N>"`', doc: 'The name shown in previews, --doctor and --config.' },
  backend: { toml: 'backend', check: oneOf(['ollama', 'bedrock', 'embedded', 'replay']), defaultDoc: '', doc: 'Required: "ollama", "bedrock", "embedded" (a local GGUF model in nl-sh\'s own model server) or "replay".' },
  model: { toml: 'model', check: text('a model name', (s) => s !== ''), defaultDoc: '', doc: 'Required (except for replay): the model or inference-profile id; for embedded, a GGUF file\'s path or "default" (the model chosen with `nl-sh --model use`).' },
  file: { toml: 'file', check: text('the path of a recording (JSONL)'), defaultDoc: '', backend: 'replay', doc: 'Replay (required): the recording, made with NLSH_RECORD, to answer from.' },
  host: { toml: 'host', check: text('a string'), defaultDoc: '`http://127.0.0.1:11434`', backend: 'ollama', doc: 'Ollama: the server.', env: ['OLLAMA_HOST'] },
  region: { toml: 'region', check: text('a string'), defaultDoc: "the profile's region", backend: 'bedrock', doc: 'Bedrock: the AWS region.', env: ['AWS_REGION', 'AWS_DEFAULT_REGION'] },
  profile: { toml: 'profile', check: text('a string'), defaultDoc: "the SDK's default chain", backend: 'bedrock', doc: 'Bedrock: the AWS profile.', env: ['AWS_PROFILE'] },
  endpoint: { toml: 'endpoint', check: text('a string'), defaultDoc: '', backend: 'bedrock', doc: 'Bedrock: a service URL instead of the region\'s (VPC endpoints, tests).' },
  timeoutMs: { toml: 'timeout_ms', check: numberIn(100, 600_000, 'milliseconds from 100 to 600000'), defaultDoc: '`30000`', doc: 'Time limit of one call to this tier.' },
  minConfidence: { toml: 'min_confidence', check: numberIn(0, 1, 'a number from 0 to 1'), defaultDoc: '`0.5`', doc: 'Below this confidence the next tier is asked.' },
  inputPricePerMTok: { toml: 'input_price_per_mtok', check: numberIn(0, Number.MAX_VALUE, 'dollars per million tokens'), defaultDoc: '', doc: 'Dollars per million input tokens, for the cost estimate and the daily budget.' },
  outputPricePerMTok: { toml: 'output_price_per_mtok', check: numberIn(0, Number.MAX_VALUE, 'dollars per million tokens'), defaultDoc: '', doc: 'Dollars per million output tokens.' },
};

/** The tiers used when none is configured, cheapest first: nl-sh's own model (when one is installed:
 * `nl-sh --model pull`), then Ollama (when it runs), then Bedrock (only when privacy allows the cloud).
 * The config leaves out the first and last when they are not there. */
export const defaultTiers: readonly TierConfig[] = Object.freeze([
  Object.freeze({ name: 'embedded', backend: 'embedded', model: 'default', timeoutMs: 60_000, minConfidence: 0.5 } as const),
  Object.freeze({ name: 'local', backend: 'ollama', model: 'qwen2.5-coder:7b', timeoutMs: 30_000, minConfidence: 0.5 } as const),
  Object.freeze({ name: 'cloud', backend: 'bedrock', model: 'anthropic.claude-3-5-haiku-20241022-v1:0', timeoutMs: 30_000, minConfidence: 0.5, inputPricePerMTok: 0.8, outputPricePerMTok: 4 } as const),
]);

/** Defaults used when nothing says otherwise. */
export const defaultConfig: Readonly<Config> = Object.freeze({
  ...(Object.fromEntries(Object.entries(KEYS).map(([field, spec]) => [field, spec.default])) as Settings),
  tiers: defaultTiers,
});

/** The environment variable naming another config file (it replaces the default path). */
export const CONFIG_FILE_ENV = 'NLSH_CONFIG';
