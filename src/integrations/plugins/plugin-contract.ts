// The user-plugin contract: what a plugin file in $XDG_CONFIG_HOME/nl-sh/plugins/*.js exports,
// what the host hands it, the limits it runs under and the result shapes it must return.
// A plugin is an ES module whose default export is `{ name, detect?, context?, rules?, onCommandDone? }`;
// it runs in its own isolated-vm isolate with no Node APIs, only `run` and `readFile` (docs/plugins.md).

import type { Level } from '../../level.js';

/** Risk levels a plugin rule may raise a command to (every level above read_only). */
export type PluginRiskLevel = Exclude<Level, 'read_only'>;

/** One risk rule as data: `program` running one of `verbs` (a subcommand path, read as the risk gate reads subcommands) is at least `level`. */
export interface PluginRule {
  /** The command name, e.g. `terraform`. */
  program: string;
  /** Subcommand paths, e.g. `apply` or `state rm`; absent or empty: any use of the program. */
  verbs?: string[];
  level: PluginRiskLevel;
  /** Why, shown in the preview (at most 200 characters). */
  why: string;
}

/** A validated rule together with the plugin that gave it. */
export interface SourcedPluginRule extends PluginRule {
  plugin: string;
}

/** What `onCommandDone` receives: the command's words, its exit status and where it ran. */
export interface PluginCommandDone {
  words: string[];
  status: number;
  cwd: string;
}

/** What `context` receives. */
export interface PluginContextArg {
  cwd: string;
  budgetMs: number;
}

/** What the host's `run(argv)` resolves to inside the plugin. */
export interface PluginRunResult {
  status: number;
  stdout: string;
}

/** Limits every plugin runs under; each may be overridden in `loadPlugins`. */
export interface PluginLimits {
  /** Heap limit of each plugin's isolate, in MB. */
  memoryMb: number;
  /** Time for the file's top-level code and `rules()` at load, in ms. */
  loadMs: number;
  /** Time for `detect(cwd)`, in ms (of the plugin's own running, not of host calls it waits on). */
  detectMs: number;
  /** Time for `context(arg)`, in ms (likewise). */
  contextMs: number;
  /** Time for `onCommandDone(result)`, in ms. */
  onCommandDoneMs: number;
  /** Time `run(argv)` gives the program before killing it, in ms. */
  runTimeoutMs: number;
  /** Bytes kept of `run` output and of `readFile`; also the most a hook may return (as JSON). */
  outputBytes: number;
  /** The largest plugin file loaded, in bytes. */
  sourceBytes: number;
}

/** The default limits. */
export const defaultPluginLimits: Readonly<PluginLimits> = Object.freeze({
  memoryMb: 32,
  loadMs: 200,
  detectMs: 20,
  contextMs: 50,
  onCommandDoneMs: 20,
  runTimeoutMs: 2000,
  outputBytes: 64 * 1024,
  sourceBytes: 256 * 1024,
});

/** Caps on what a plugin returns; more is garbage. */
export const resultCaps = Object.freeze({ facts: 20, factChars: 200, rules: 50, verbs: 20, wordChars: 64, whyChars: 200, nameChars: 40 });

/** How a run request is executed; the host's default spawns without a shell (plugin-host-fns.ts). */
export type PluginRunner = (argv: readonly string[], opts: { cwd: string; timeoutMs: number; maxBytes: number }) => Promise<PluginRunResult>;

/** The host functions' policy, injected by whoever loads plugins. */
export interface PluginHostFns {
  /** Which argv `run` may execute; default: a small read-only allowlist (defaultRunAllowed). */
  allowRun?: (argv: readonly string[]) => boolean;
  /** Executes an allowed argv; default: spawn without a shell, timeout and output cap applied. */
  runner?: PluginRunner;
}

/** The hooks a plugin may define. */
export type PluginHook = 'detect' | 'context' | 'rules' | 'onCommandDone';

/** The hooks, in the order the host asks about them. */
export const pluginHooks: readonly PluginHook[] = Object.freeze(['detect', 'context', 'rules', 'onCommandDone']);

/** A plugin that was disabled, why, and how long from the start of the failing call to the decision. */
export interface DisabledPlugin {
  file: string;
  why: string;
  /** The call that failed: a hook, or 'load'. */
  during: PluginHook | 'load';
  msToDisable: number;
}

/** The facts of one context round: merged as `<plugin name> <fact>`, and the plugins that gave none in time. */
export interface PluginFacts {
  facts: Record<string, string>;
  omitted: string[];
}

/** The session's plugins. No method throws. */
export interface PluginSet {
  /** Names of the plugins still enabled. */
  names(): string[];
  /** Facts from every enabled plugin whose detect(cwd) is true, within budgetMs. */
  context(cwd: string, budgetMs: number): Promise<PluginFacts>;
  /** The enabled plugins' risk rules (asked once, at load). */
  rules(): SourcedPluginRule[];
  /** Tell every enabled plugin a command finished; resolves when all have answered. */
  onCommandDone(result: PluginCommandDone): Promise<void>;
  /** Plugins disabled so far, with why and how long the failing call took to be judged. */
  disabled(): DisabledPlugin[];
  /** Dispose every isolate (and the plugin process). */
  dispose(): void;
}
