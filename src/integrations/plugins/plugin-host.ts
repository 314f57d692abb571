// User plugins for the session, as nl-sh sees them: the isolates live in a separate plugin
// process (plugin-worker.ts, forked only when a plugin file exists), because a memory bomb V8
// cannot contain aborts its whole process. nl-sh vets and performs every run/readFile, and if
// the plugin process dies it disables the plugins that were running and starts it again.

import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defaultPluginLimits, type DisabledPlugin, type PluginCommandDone, type PluginFacts, type PluginHostFns, type PluginLimits, type PluginSet, type SourcedPluginRule } from './plugin-contract.js';
import { pluginFiles } from './plugin-files.js';
import { defaultRunAllowed, defaultRunner, readUnder } from './plugin-host-fns.js';
import type { FromWorker, ToWorker } from './plugin-ipc.js';

export type { PluginSet, PluginFacts } from './plugin-contract.js';

/** Options for loadPlugins. */
export interface LoadPluginsOptions {
  /** Receives each one-line message (`nl-sh: plugin x.js: disabled (why)`). */
  warn: (line: string) => void;
  limits?: Partial<PluginLimits>;
  hostFns?: PluginHostFns;
  /** The Node that runs the plugin process (default: this one); it must load isolated-vm. */
  nodePath?: string;
  /** Times the plugin process is started again after dying (default 3). */
  restarts?: number;
}

const emptySet = (): PluginSet => ({
  names: () => [],
  context: () => Promise.resolve({ facts: {}, omitted: [] }),
  rules: () => [],
  onCommandDone: () => Promise.resolve(),
  disabled: () => [],
  dispose: () => {},
});

// The worker module beside this one: built JavaScript, or the TypeScript source when running from it.
function workerPath(): string {
  const js = fileURLToPath(new URL('./plugin-worker.js', import.meta.url));
  return existsSync(js) ? js : js.replace(/\.js$/, '.ts');
}

// The parent's flags the plugin process keeps: module hooks and warning settings, never --inspect.
function keptExecArgv(argv: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if ((a === '--import' || a === '--conditions') && i + 1 < argv.length) kept.push(a, argv[++i] ?? '');
    else if (a.startsWith('--import=') || a.startsWith('--conditions=') || a === '--no-warnings') kept.push(a);
  }
  return [...kept, '--no-node-snapshot'];
}

/** Load every *.js plugin in `dir` (in the plugin process); never throws, never rejects. */
export async function loadPlugins(dir: string, opts: LoadPluginsOptions): Promise<PluginSet> {
  const files = await pluginFiles(dir);
  if (files.length === 0) return emptySet();
  const supervisor = new Supervisor(dir, opts, files);
  await supervisor.start();
  return supervisor.set();
}

type Pending = { settle: (m: FromWorker | undefined) => void; timer: NodeJS.Timeout };

/** One session's plugin process: started, restarted after a crash, and spoken to. */
class Supervisor {
  private readonly dir: string;
  private readonly opts: LoadPluginsOptions;
  private readonly limits: PluginLimits;
  private readonly allowRun: (argv: readonly string[]) => boolean;
  private readonly runner: NonNullable<PluginHostFns['runner']>;
  private child: ChildProcess | undefined;
  private plugins: { file: string; name: string }[] = [];
  private ruleList: SourcedPluginRule[] = [];
  private readonly disabledList: DisabledPlugin[] = [];
  private readonly inFlight = new Map<string, { hook: DisabledPlugin['during']; since: number }>();
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private restartsLeft: number;
  private disposed = false;
  private stderrTail = '';
  private loaded: ((ok: boolean) => void) | undefined;
  private ready: Promise<boolean> = Promise.resolve(false);
  private readonly files: readonly string[];
  private disabledAtStart = 0;
  private loadedNow = false;

  constructor(dir: string, opts: LoadPluginsOptions, files: readonly string[]) {
    this.files = files;
    this.dir = dir;
    this.opts = opts;
    this.limits = { ...defaultPluginLimits, ...opts.limits };
    this.allowRun = opts.hostFns?.allowRun ?? defaultRunAllowed;
    this.runner = opts.hostFns?.runner ?? defaultRunner;
    this.restartsLeft = opts.restarts ?? 3;
  }

  /** Start the plugin process and wait until it has loaded the plugins (or died trying). */
  start(): Promise<boolean> {
    this.plugins = [];
    this.ruleList = [];
    this.stderrTail = '';
    this.disabledAtStart = this.disabledList.length;
    this.loadedNow = false;
    const done = new Promise<boolean>((resolve) => (this.loaded = resolve));
    this.ready = done;
    let child: ChildProcess;
    try {
      child = fork(workerPath(), [], { execPath: this.opts.nodePath ?? process.execPath, execArgv: keptExecArgv(process.execArgv), stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'json' });
    } catch (err) {
      this.opts.warn(`nl-sh: plugins disabled: the plugin process could not start (${err instanceof Error ? err.message : String(err)})`);
      return Promise.resolve(false);
    }
    this.child = child;
    child.stderr?.on('data', (chunk: Buffer) => (this.stderrTail = (this.stderrTail + chunk.toString('utf8')).slice(-4096)));
    child.on('message', (m: FromWorker) => this.onMessage(m));
    child.on('error', (err) => this.onExit(child, `could not run: ${err.message}`));
    child.on('exit', (code, signal) => this.onExit(child, signal ? `killed by ${signal}` : `exit status ${code}`));
    const budget = setTimeout(() => this.kill(child), 5000 + 6 * this.limits.loadMs * this.files.length);
    this.send({ t: 'load', dir: this.dir, limits: this.limits, skip: this.disabledList.map((d) => d.file) });
    // Loading keeps this process alive; afterwards the plugin process never holds nl-sh open.
    return done.finally(() => {
      clearTimeout(budget);
      child.unref();
      child.channel?.unref();
    });
  }

  private send(m: ToWorker): void {
    try {
      this.child?.send(m);
    } catch {
      // the exit handler deals with a dead child
    }
  }

  private kill(child: ChildProcess): void {
    try {
      child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }

  private onMessage(m: FromWorker): void {
    if (m.t === 'warn') this.opts.warn(m.line);
    else if (m.t === 'disabled') this.disabledList.push(m.record);
    else if (m.t === 'call') {
      if (m.phase === 'start') this.inFlight.set(m.file, { hook: m.hook, since: performance.now() });
      else this.inFlight.delete(m.file);
    } else if (m.t === 'loaded') {
      this.plugins = m.plugins;
      this.ruleList = m.rules;
      this.loadedNow = true;
      this.loaded?.(true);
    } else if (m.t === 'reply') {
      const p = this.pending.get(m.id);
      this.pending.delete(m.id);
      if (p) p.settle(m);
    } else if (m.t === 'host') void this.host(m);
  }

  // A run/readFile the plugin process asks for: vetted and done here, answered ok or with why not.
  private async host(m: Extract<FromWorker, { t: 'host' }>): Promise<void> {
    try {
      let value: unknown;
      if (m.what === 'run') {
        const argv = m.arg as string[];
        if (!this.allowRun(argv)) throw new Error(`run refused ${JSON.stringify(argv).slice(0, 100)}: not a read-only command nl-sh allows`);
        value = await this.runner(argv, { cwd: m.cwd, timeoutMs: this.limits.runTimeoutMs, maxBytes: this.limits.outputBytes });
      } else value = await readUnder(m.cwd, m.arg, this.limits.outputBytes);
      this.send({ t: 'host-reply', id: m.id, ok: true, value });
    } catch (err) {
      this.send({ t: 'host-reply', id: m.id, ok: false, error: err instanceof Error ? err.message : String(err) });
    }
  }

  // The plugin process died: blame the plugins that were running, answer what waits, start again.
  private onExit(child: ChildProcess, how: string): void {
    if (child !== this.child) return;
    this.child = undefined;
    for (const p of this.pending.values()) p.settle(undefined);
    this.pending.clear();
    if (this.disposed) return;
    const oom = /heap out of memory|CALL_AND_RETRY_LAST|is_heap_oom/i.test(this.stderrTail) ? ': V8 ran out of memory' : '';
    const blamed = [...this.inFlight.entries()].filter(([file]) => !this.disabledList.some((d) => d.file === file));
    this.inFlight.clear();
    for (const [file, call] of blamed) {
      const why = `crashed the plugin process (${how}${oom})`;
      this.disabledList.push({ file, why, during: call.hook, msToDisable: Math.round((performance.now() - call.since) * 10) / 10 });
      this.opts.warn(`nl-sh: plugin ${file}: disabled (${why})`);
    }
    // Start again only after a death some plugin explains (or once it had loaded), while any is left.
    const explained = blamed.length > 0 || this.disabledList.length > this.disabledAtStart || this.loadedNow;
    const left = this.files.some((f) => !this.disabledList.some((d) => d.file === f));
    const again = explained && left && this.restartsLeft-- > 0;
    if (!again && left) this.opts.warn(`nl-sh: plugins disabled: the plugin process ${explained ? 'died too often' : 'failed'} (${how}${oom}${this.stderrHint()})`);
    this.plugins = [];
    this.ruleList = [];
    const loaded = this.loaded;
    if (again) void this.start().then((ok) => loaded?.(ok));
    else loaded?.(false);
  }

  // Wait (at most waitMs) for a restarted plugin process to finish loading.
  private async whenReady(waitMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.ready, new Promise((resolve) => (timer = setTimeout(resolve, Math.max(0, waitMs))))]);
    clearTimeout(timer);
  }

  // The last line the plugin process wrote to stderr, when it failed before loading.
  private stderrHint(): string {
    const last = this.stderrTail.trim().split('\n').pop()?.trim() ?? '';
    return last && !this.loadedNow ? `: ${last.slice(0, 160)}` : '';
  }

  // One request to the plugin process; undefined when it died or did not answer within waitMs.
  // One that stays unanswered 5 s longer means a wedged process: it is killed (and blamed).
  private request(make: (id: number) => ToWorker, waitMs: number): Promise<FromWorker | undefined> {
    const child = this.child;
    if (!child) return Promise.resolve(undefined);
    const id = this.nextId++;
    return new Promise((resolve) => {
      const late = setTimeout(() => resolve(undefined), waitMs);
      const timer = setTimeout(() => this.kill(child), waitMs + 5000).unref();
      this.pending.set(id, {
        timer,
        settle: (m) => {
          clearTimeout(late);
          clearTimeout(timer);
          resolve(m);
        },
      });
      this.send(make(id));
    });
  }

  set(): PluginSet {
    const names = (): string[] => this.plugins.filter((p) => !this.disabledList.some((d) => d.file === p.file)).map((p) => p.name);
    return {
      names,
      context: async (cwd: string, budgetMs: number): Promise<PluginFacts> => {
        const started = performance.now();
        await this.whenReady(budgetMs);
        budgetMs -= performance.now() - started;
        const asked = names();
        if (asked.length === 0) return { facts: {}, omitted: [] };
        const m = await this.request((id) => ({ t: 'context', id, cwd, budgetMs }), budgetMs + 50);
        return m?.t === 'reply' && m.facts ? m.facts : { facts: {}, omitted: asked };
      },
      rules: () => this.ruleList.filter((r) => names().includes(r.plugin)),
      onCommandDone: async (result: PluginCommandDone): Promise<void> => {
        await this.whenReady(1000);
        if (names().length > 0) await this.request((id) => ({ t: 'done', id, result }), this.limits.onCommandDoneMs * 4 + 1000);
      },
      disabled: () => [...this.disabledList],
      dispose: () => {
        this.disposed = true;
        if (this.child) this.kill(this.child);
      },
    };
  }
}
