// The plugin engine, run inside the plugin process (plugin-worker.ts): every *.js in the plugins
// directory, each in its own isolate. isolated-vm is imported only when a plugin file exists. No
// method throws; a misbehaving plugin is disabled with one warn line and the rest carry on.

import { join } from 'node:path';
import { readFileSafe } from '../../read-file.js';
import type { DisabledPlugin, PluginLimits, PluginSet } from './plugin-contract.js';
import { pluginFiles } from './plugin-files.js';
import type { InstanceEnv, Ivm, PluginInstance } from './plugin-instance.js';

/** Options for the engine. */
export interface EngineOptions {
  /** Receives each one-line message (`nl-sh: plugin x.js: disabled (why)`). */
  warn: (line: string) => void;
  limits: PluginLimits;
  hostRun: InstanceEnv['hostRun'];
  hostRead: InstanceEnv['hostRead'];
  /** Told of each call into an isolate (the parent blames in-flight plugins if this process dies). */
  onCall?: (file: string, hook: DisabledPlugin['during'], phase: 'start' | 'end') => void;
  /** Told of each plugin disabled, as it happens. */
  onDisabled?: (record: DisabledPlugin) => void;
  /** isolated-vm lost control of an isolate (that plugin is disabled): the process must end. */
  onCatastrophe?: () => void;
  /** Files not to load (disabled earlier in the session). */
  skip?: readonly string[];
  /** How isolated-vm is loaded (tests replace it); default: a dynamic import. */
  loadIvm?: () => Promise<Ivm>;
}

/** The engine's set: a PluginSet that also lists which file holds which enabled plugin. */
export interface EngineSet extends PluginSet {
  files(): { file: string; name: string }[];
}

const emptySet = (disabled: DisabledPlugin[] = []): EngineSet => ({
  files: () => [],
  names: () => [],
  context: () => Promise.resolve({ facts: {}, omitted: [] }),
  rules: () => [],
  onCommandDone: () => Promise.resolve(),
  disabled: () => [...disabled],
  dispose: () => {},
});

/** Whether this Node was started with --no-node-snapshot, which isolated-vm needs on Node 20 and later. */
export function hasNoNodeSnapshot(execArgv: readonly string[] = process.execArgv, nodeOptions = process.env.NODE_OPTIONS ?? ''): boolean {
  return execArgv.includes('--no-node-snapshot') || nodeOptions.split(/\s+/).includes('--no-node-snapshot');
}

async function importIvm(): Promise<Ivm> {
  if (!hasNoNodeSnapshot()) throw new Error('Node must run with --no-node-snapshot');
  const mod = (await import('isolated-vm')) as { default: Ivm };
  return mod.default;
}

/** Load every *.js plugin in `dir` in this process; never throws (an unusable isolated-vm gives an empty set and one warn line). */
export async function loadEngine(dir: string, opts: EngineOptions): Promise<EngineSet> {
  const files = (await pluginFiles(dir)).filter((f) => !opts.skip?.includes(f));
  if (files.length === 0) return emptySet();
  const limits = opts.limits;
  let ivm: Ivm;
  try {
    ivm = await (opts.loadIvm ?? importIvm)();
  } catch (err) {
    const why = (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '';
    opts.warn(`nl-sh: plugins disabled: isolated-vm unavailable (${why.slice(0, 160)})`);
    return emptySet();
  }
  const { loadInstance } = await import('./plugin-instance.js');
  const disabled: DisabledPlugin[] = [];
  const instances: PluginInstance[] = [];
  for (const file of files) {
    const onDisable = (why: string, during: DisabledPlugin['during'], ms: number): void => {
      const record = { file, why, during, msToDisable: Math.round(ms * 10) / 10 };
      disabled.push(record);
      opts.onDisabled?.(record);
      opts.warn(`nl-sh: plugin ${file}: disabled (${why})`);
    };
    const source = await readSource(join(dir, file), limits.sourceBytes);
    if (typeof source !== 'string') {
      onDisable(source.why, 'load', 0);
      continue;
    }
    const onCall = (hook: DisabledPlugin['during'], phase: 'start' | 'end'): void => opts.onCall?.(file, hook, phase);
    const env: InstanceEnv = { ivm, limits, hostRun: opts.hostRun, hostRead: opts.hostRead, onDisable, onCall, onCatastrophe: opts.onCatastrophe };
    const instance = await loadInstance(file, source, env);
    if (!instance) continue;
    const twin = instances.find((p) => p.name === instance.name && p.isEnabled());
    if (twin) instance.disable(`another plugin (${twin.file}) already has the name '${instance.name}'`);
    else instances.push(instance);
  }
  return makeSet(instances, disabled);
}

// The plugin's source: a regular file (checked on the opened fd, never blocking) within the cap.
async function readSource(path: string, maxBytes: number): Promise<string | { why: string }> {
  const read = await readFileSafe(path, { maxBytes });
  if (read.ok) return read.value;
  if (read.problem === 'not-a-file') return { why: 'not a regular file' };
  if (read.problem === 'too-large') return { why: `the file is more than ${maxBytes} bytes` };
  return { why: `cannot be read: ${read.message}` };
}

function makeSet(instances: PluginInstance[], disabled: DisabledPlugin[]): EngineSet {
  const enabled = (): PluginInstance[] => instances.filter((p) => p.isEnabled());
  return {
    files: () => enabled().map((p) => ({ file: p.file, name: p.name })),
    names: () => enabled().map((p) => p.name),
    async context(cwd, budgetMs) {
      const facts: Record<string, string> = {};
      const omitted: string[] = [];
      const askers = enabled().filter((p) => p.hooks.includes('context'));
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), Math.max(0, budgetMs))));
      await Promise.all(
        askers.map(async (p) => {
          if (p.isBusy()) return omitted.push(p.name);
          const answer = await Promise.race([askOne(p, cwd, budgetMs), late]);
          if (answer === 'late' || answer === 'failed') return omitted.push(p.name);
          if (answer === 'not here') return;
          for (const [key, value] of Object.entries(answer)) facts[`${p.name} ${key}`] = value;
        }),
      );
      clearTimeout(timer);
      return { facts, omitted };
    },
    rules: () => enabled().flatMap((p) => p.rules.map((r) => ({ plugin: p.name, ...r }))),
    async onCommandDone(result) {
      await Promise.all(enabled().filter((p) => p.hooks.includes('onCommandDone')).map((p) => p.onCommandDone(result)));
    },
    disabled: () => [...disabled],
    dispose: () => instances.forEach((p) => p.dispose()),
  };
}

async function askOne(p: PluginInstance, cwd: string, budgetMs: number): Promise<Record<string, string> | 'not here' | 'failed'> {
  const started = performance.now();
  const here = await p.detect(cwd);
  if (!here) return 'failed';
  if (!here.value) return 'not here';
  const got = await p.context(cwd, Math.max(0, budgetMs - (performance.now() - started)));
  return got ? got.value : 'failed';
}
