// One user plugin in its own isolate: load the file as an ES module with nothing importable,
// hand it `run` and `readFile`, and call its hooks one at a time under a time limit, a memory
// limit and the call guard. Any failure disables it for the session through `onDisable`; no
// method throws, and a disabled plugin's isolate is disposed.

import type IsolatedVM from 'isolated-vm';
import { startGuard, type CallGuard } from './call-guard.js';
import type { PluginHook, PluginLimits, PluginRule, PluginRunResult } from './plugin-contract.js';
import { hostFnsSource, dispatcherSource } from './plugin-shim.js';
import { checkDescription, checkDetect, checkFacts, checkRules, type Checked } from './plugin-validate.js';

/** The isolated-vm module object. */
export type Ivm = typeof IsolatedVM;

/** What a plugin instance needs from its set. */
export interface InstanceEnv {
  ivm: Ivm;
  limits: PluginLimits;
  /** Run a vetted argv in `cwd`; rejects with the refusal or failure, which the plugin sees. */
  hostRun: (argv: string[], cwd: string) => Promise<PluginRunResult>;
  /** Read a file under `cwd` (null: missing); rejects when refused. */
  hostRead: (path: string, cwd: string) => Promise<string | null>;
  /** Told when a hook call into the isolate starts and ends (to blame it if the process dies). */
  onCall?: (hook: PluginHook | 'load', phase: 'start' | 'end') => void;
  /** Called once when the plugin is disabled: why, during which call, ms from that call's start. */
  onDisable: (why: string, during: PluginHook | 'load', ms: number) => void;
  /** isolated-vm lost control of an isolate: the process must end (after this plugin is disabled). */
  onCatastrophe?: () => void;
}

/** A hook's answer, or `undefined` when the plugin was busy, disabled, or failed (and is now disabled). */
export type HookAnswer<T> = { value: T } | undefined;

/** A loaded plugin; `load` returns one only when the file loaded, described itself and gave valid rules. */
export interface PluginInstance {
  readonly file: string;
  readonly name: string;
  readonly hooks: readonly PluginHook[];
  readonly rules: readonly PluginRule[];
  isEnabled(): boolean;
  isBusy(): boolean;
  detect(cwd: string): Promise<HookAnswer<boolean>>;
  context(cwd: string, budgetMs: number): Promise<HookAnswer<Record<string, string>>>;
  onCommandDone(result: { words: string[]; status: number; cwd: string }): Promise<void>;
  /** Disable with a reason (used for duplicate names), dispose the isolate. */
  disable(why: string): void;
  dispose(): void;
}

const clean = (s: string, max = 160): string => {
  const one = s.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
};

const isArgv = (v: unknown): v is string[] => Array.isArray(v) && v.length > 0 && v.length <= 64 && v.every((w) => typeof w === 'string' && w.length <= 4096);

/** Load one plugin file's source into a new isolate; undefined when it fails (onDisable has been told why). */
export async function loadInstance(file: string, source: string, env: InstanceEnv): Promise<PluginInstance | undefined> {
  const { ivm, limits } = env;
  let state: 'ready' | 'busy' | 'disabled' = 'busy';
  let current: { cwd: string; guard: CallGuard } | undefined;
  let dispatcher: IsolatedVM.Reference | undefined;
  let lastCall: PluginHook | 'load' = 'load';
  let lastCallAt = performance.now();
  const isolate = new ivm.Isolate({ memoryLimit: limits.memoryMb, onCatastrophicError: (message: string) => {
      disable(`isolated-vm lost control of its isolate: ${clean(message)}`, lastCall, performance.now() - lastCallAt);
      env.onCatastrophe?.();
    },
  });
  const maxChars = limits.outputBytes;
  const clocks = { now: () => performance.now(), cpuMs: () => (isolate.isDisposed ? 0 : Number(isolate.cpuTime) / 1e6) };
  const kill = (): void => {
    try {
      if (!isolate.isDisposed) isolate.dispose();
    } catch {
      // already gone
    }
  };

  function disable(why: string, during: PluginHook | 'load', ms: number): void {
    if (state === 'disabled') return;
    state = 'disabled';
    kill();
    env.onDisable(why, during, ms);
  }

  // The host side of run/readFile: only during a hook call, vetted, counted as host time, and
  // never rejecting (see hostFnsSource): a refusal or failure travels as { ok: false, error }.
  type HostAnswer = { ok: true; value: unknown } | { ok: false; error: string };
  function hostFn(what: string, work: (arg: unknown, cwd: string) => Promise<unknown>): IsolatedVM.Reference {
    return new ivm.Reference(async (arg: unknown): Promise<HostAnswer> => {
      const call = current;
      if (!call) return { ok: false, error: `${what} is only available while a hook runs` };
      call.guard.hostStart();
      try {
        return { ok: true, value: await work(arg, call.cwd) };
      } catch (err) {
        return { ok: false, error: clean(err instanceof Error ? err.message : String(err), 300) };
      } finally {
        call.guard.hostEnd();
      }
    });
  }
  const runRef = hostFn('run', async (argv, cwd) => {
    if (!isArgv(argv)) throw new Error('run(argv) takes a non-empty array of strings');
    return env.hostRun(argv, cwd);
  });
  const readRef = hostFn('readFile', async (path, cwd) => {
    if (typeof path !== 'string') throw new Error('readFile(path) takes a string');
    return env.hostRead(path, cwd);
  });

  // One call into the isolate under both limits; the raw JSON result or a reason to disable.
  async function invoke(op: string, arg: unknown, limitMs: number, cwd: string | undefined): Promise<{ json: unknown; ms: number } | { why: string; ms: number }> {
    const guard = startGuard(limitMs, clocks, kill);
    current = cwd === undefined ? undefined : { cwd, guard };
    const during = (op === 'describe' || op === 'bind' ? 'load' : op) as PluginHook | 'load';
    env.onCall?.(during, 'start');
    lastCall = during;
    lastCallAt = performance.now();
    try {
      const argJson = arg === undefined ? undefined : JSON.stringify(arg);
      const out: unknown = await dispatcher!.apply(undefined, [op, argJson, maxChars], { timeout: limitMs, result: { promise: true } });
      if (typeof out === 'number') return { why: `returned garbage: ${out} characters of output, more than ${maxChars}`, ms: performance.now() - guard.startedAt };
      if (typeof out !== 'string') return { why: 'returned garbage', ms: performance.now() - guard.startedAt };
      return { json: JSON.parse(out), ms: performance.now() - guard.startedAt };
    } catch (err) {
      return { why: guard.expired() ?? reason(err, limitMs), ms: performance.now() - guard.startedAt };
    } finally {
      guard.stop();
      current = undefined;
      env.onCall?.(during, 'end');
    }
  }

  function reason(err: unknown, limitMs: number): string {
    const message = err instanceof Error ? err.message : String(err);
    if (/memory limit/i.test(message)) return `exceeded its ${limits.memoryMb} MB memory limit`;
    if (/Script execution timed out/.test(message)) return `timed out after ${limitMs} ms`;
    if (isolate.isDisposed) return `its isolate died: ${clean(message)}`;
    const name = err instanceof Error && err.name !== 'Error' ? `${err.name}: ` : '';
    return `threw ${clean(name + message)}`;
  }

  // A hook call: busy or disabled plugins are skipped; any failure or invalid answer disables.
  async function hook<T>(op: PluginHook, arg: unknown, limitMs: number, cwd: string, check: (v: unknown) => Checked<T>): Promise<HookAnswer<T>> {
    if (state !== 'ready') return undefined;
    state = 'busy';
    const result = await invoke(op, arg, limitMs, cwd);
    if ('why' in result) {
      disable(result.why, op, result.ms);
      return undefined;
    }
    const checked = check(result.json);
    if (!checked.ok) {
      disable(`returned garbage: ${checked.why}`, op, result.ms);
      return undefined;
    }
    if (state === 'busy') state = 'ready';
    return { value: checked.value };
  }

  // Top-level code gets the load limit and the guard (a top-level await could otherwise hang).
  async function invokeLoad(work: () => Promise<unknown>): Promise<string | undefined> {
    const guard = startGuard(limits.loadMs, clocks, kill);
    env.onCall?.('load', 'start');
    lastCall = 'load';
    lastCallAt = performance.now();
    try {
      await work();
      return undefined;
    } catch (err) {
      return guard.expired() ?? reason(err, limits.loadMs);
    } finally {
      guard.stop();
      env.onCall?.('load', 'end');
    }
  }

  // Load: host functions, dispatcher (before any plugin code), the module, bind, describe, rules.
  const loadStart = performance.now();
  const failLoad = (why: string): undefined => {
    disable(why, 'load', performance.now() - loadStart);
    return undefined;
  };
  let description: { name: string; hooks: PluginHook[] };
  let rules: PluginRule[] = [];
  try {
    const context = await isolate.createContext();
    await context.evalClosure(hostFnsSource, [runRef, readRef], { timeout: limits.loadMs });
    dispatcher = (await context.eval(dispatcherSource, { reference: true, timeout: limits.loadMs })) as IsolatedVM.Reference;
    const module = await isolate.compileModule(source, { filename: `file:///plugins/${encodeURIComponent(file)}` });
    await module.instantiate(context, (specifier: string) => {
      throw new Error(`imports are not available to plugins (${clean(specifier, 60)})`);
    });
    const evaluated = await invokeLoad(() => module.evaluate({ timeout: limits.loadMs }));
    if (evaluated !== undefined) return failLoad(evaluated);
    await dispatcher.apply(undefined, ['bind', module.namespace.derefInto(), 0], { timeout: limits.loadMs, result: { promise: true } });
    const described = await invoke('describe', undefined, limits.loadMs, undefined);
    if ('why' in described) return failLoad(described.why);
    const checked = checkDescription(described.json);
    if (!checked.ok) return failLoad(`not a plugin: ${checked.why}`);
    description = checked.value;
    if (description.hooks.includes('rules')) {
      const got = await invoke('rules', undefined, limits.loadMs, undefined);
      if ('why' in got) return failLoad(got.why);
      const checkedRules = checkRules(got.json);
      if (!checkedRules.ok) return failLoad(`returned garbage from rules: ${checkedRules.why}`);
      rules = checkedRules.value;
    }
  } catch (err) {
    return failLoad(`failed to load: ${reason(err, limits.loadMs)}`);
  }
  // (A catastrophic error may have disabled it meanwhile; `state` changes inside callbacks.)
  if ((state as string) === 'disabled') return undefined;
  state = 'ready';

  return {
    file,
    name: description.name,
    hooks: description.hooks,
    rules,
    isEnabled: () => state !== 'disabled',
    isBusy: () => state === 'busy',
    detect: (cwd) => (description.hooks.includes('detect') ? hook('detect', cwd, limits.detectMs, cwd, checkDetect) : Promise.resolve({ value: true })),
    context: (cwd, budgetMs) => hook('context', { cwd, budgetMs }, limits.contextMs, cwd, checkFacts),
    onCommandDone: async (result) => {
      await hook('onCommandDone', result, limits.onCommandDoneMs, result.cwd, (): Checked<null> => ({ ok: true, value: null }));
    },
    disable: (why) => disable(why, 'load', 0),
    dispose() {
      state = 'disabled';
      kill();
    },
  };
}
