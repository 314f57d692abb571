// Messages between nl-sh (plugin-host.ts) and the plugin process (plugin-worker.ts), as JSON
// over the child's IPC channel. The plugin process hosts the isolates; nl-sh vets and performs
// every run/readFile, and survives whatever the isolates do to the plugin process.

import type { DisabledPlugin, PluginCommandDone, PluginFacts, PluginLimits, SourcedPluginRule } from './plugin-contract.js';

/** From nl-sh to the plugin process. */
export type ToWorker =
  | { t: 'load'; dir: string; limits: PluginLimits; skip: string[] }
  | { t: 'context'; id: number; cwd: string; budgetMs: number }
  | { t: 'done'; id: number; result: PluginCommandDone }
  | { t: 'host-reply'; id: number; ok: true; value: unknown }
  | { t: 'host-reply'; id: number; ok: false; error: string };

/** From the plugin process to nl-sh. */
export type FromWorker =
  | { t: 'loaded'; plugins: { file: string; name: string }[]; rules: SourcedPluginRule[] }
  | { t: 'warn'; line: string }
  | { t: 'disabled'; record: DisabledPlugin }
  | { t: 'call'; file: string; hook: DisabledPlugin['during']; phase: 'start' | 'end' }
  | { t: 'reply'; id: number; facts?: PluginFacts }
  | { t: 'host'; id: number; what: 'run' | 'readFile'; arg: unknown; cwd: string };
