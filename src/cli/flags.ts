// nl-sh's own flags, defined once: --help is rendered from this table, and a test checks that
// the completions for bash, zsh and fish offer exactly these.

import { KEYS } from '../config/schema.js';

/** One of nl-sh's own flags. */
export interface FlagSpec {
  flag: string;
  /** The argument's name, when it takes one. */
  arg?: string;
  help: string;
}

/** One flag per config key, from the config schema: it overrides the file and the environment. */
export const CONFIG_FLAGS: readonly FlagSpec[] = Object.values(KEYS).map((k) => ({ flag: k.flag, arg: 'VALUE', help: `set ${k.toml} for this session (also ${k.env}; docs/configuration.md)` }));

/** The flags nl-sh itself handles (bash handles the rest). */
export const OWN_FLAGS: readonly FlagSpec[] = [
  { flag: '--route', help: 'read lines on stdin; print where each would go (shell, nl, question) as JSON lines' },
  { flag: '--risk', help: 'read commands on stdin (one per line, or {"cmd": ...} JSON lines); print each one\'s risk level, policy action and reasons; runs nothing' },
  { flag: '--explain', help: 'with --route or --risk: readable reasons instead of JSON' },
  { flag: '--suggest', arg: 'REQUEST', help: 'ask the model tiers for a command; print the proposal as JSON; runs nothing' },
  { flag: '--print-command', help: 'with --suggest: print only the command' },
  { flag: '--show-context', help: 'with --suggest or --ask: print exactly what each model tier would be sent (redacted for cloud tiers; --json for JSON); asks no model' },
  { flag: '--ask', arg: 'QUESTION', help: 'ask the model tiers a question; stream the answer' },
  { flag: '--dry-run', arg: '[--json] COMMAND', help: 'run COMMAND in a copy-on-write sandbox with no network and print which files it would create, change or delete; nothing real changes' },
  { flag: '--history', arg: '[TEXT]', help: "list and search nl-sh's history of requests (filters: --cwd DIR, --route R, --exit N, --limit N; --json)" },
  { flag: '--model', arg: 'pull|list|use FILE|rm NAME', help: 'manage local models: pull downloads the default (Qwen2.5-Coder 1.5B, checksum verified, resumable; --if-missing skips it when a model is set up), list shows them, use FILE.gguf chooses one, rm NAME deletes one of the downloaded' },
  { flag: '--config', arg: '[--json]', help: 'show the effective configuration: each key, its value and where it came from (default, file and line, environment variable, flag); problems first' },
  { flag: '--doctor', help: 'check what nl-sh can use here (Node, bash, config, model tiers, directories) and how to fix what is missing' },
  { flag: '--model-speed', help: "with --doctor: measure the local model's speed even when that loads it (by default only a running model server is measured)" },
  { flag: '--version', help: "print nl-sh's version" },
  { flag: '--help', help: 'print this help' },
  ...CONFIG_FLAGS,
];
