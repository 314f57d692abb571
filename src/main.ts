// Composition root: argv and config in, everything constructed and wired here, nothing else
// imports this file. Failures before the session starts are thrown to entry.ts, which falls
// back to a plain bash.

import { fileURLToPath } from 'node:url';
import { readFileSafeSync } from './read-file.js';
import { exitQuietlyOnBrokenPipe } from './exit-after-drain.js';
import { parseInvocation, type Invocation } from './cli/args.js';
import { helpText } from './cli/help.js';
import { colorEnabled, configDir, readUserConfig } from './config.js';
import { join } from 'node:path';
import { describeError, formatErrorLine } from './errors.js';
import { findBash, outerTerminalUnderstandsMarks } from './cli/environment.js';
import type { RequestFlow } from './flow/request-flow.js';
import type { PluginSet } from './integrations/index.js';
import { pluginFiles } from './integrations/plugins/plugin-files.js';
// Only what the first prompt needs is imported statically; the rest loads after it.
import { startSession } from './repl/session.js';
import { processTerminal } from './repl/outer-terminal.js';
import { spawnInPty } from './repl/pty/pty-host.js';
import type { LineContext, LineDecider, LineDecision } from './repl/index.js';
import type { LineDeciderParts } from './repl/line-decider.js';
import type { BashParser } from './risk/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));

function version(): string {
  const read = readFileSafeSync(fileURLToPath(new URL('../package.json', import.meta.url)), { maxBytes: 1024 * 1024 });
  if (!read.ok) throw new Error(read.message);
  return (JSON.parse(read.value) as { version: string }).version;
}

const readConfig = readUserConfig;

/** Run nl-sh; resolves with the exit status. `execBash` replaces the process with bash. */
export async function main(argv: string[], env: Record<string, string | undefined>, execBash: (args: string[]) => never): Promise<number> {
  const argv0 = env.NLSH_ARGV0 ?? 'nl-sh';
  delete env.NLSH_ARGV0;
  delete env.NLSH_ROOT;
  const inv = parseInvocation(argv, argv0, { stdin: Boolean(process.stdin.isTTY), stderr: Boolean(process.stderr.isTTY) }, env);
  if (inv.kind !== 'interactive' && inv.kind !== 'exec-bash') {
    // nl-sh's own commands report their failures; they never fall back to a shell.
    exitQuietlyOnBrokenPipe();
    try {
      return await runOwnCommand(inv, env);
    } catch (err) {
      process.stderr.write(`${formatErrorLine(err)}\n`);
      return 1;
    }
  }
  if (inv.kind === 'exec-bash') return execBash(inv.args);
  return runInteractive(inv, env, argv0.startsWith('-'));
}

/** `--version`, `--help`, `--route`, `--risk`, `--suggest`, `--ask`: nl-sh's own commands. */
async function runOwnCommand(inv: Exclude<Invocation, { kind: 'interactive' | 'exec-bash' }>, env: Record<string, string | undefined>): Promise<number> {
  switch (inv.kind) {
    case 'version':
      process.stdout.write(`nl-sh ${version()}\n`);
      return 0;
    case 'help':
      process.stdout.write(helpText());
      return 0;
    case 'error':
      process.stderr.write(`nl-sh: ${inv.message}\n`);
      return 2;
    case 'risk': {
      const { runRiskCommand } = await import('./cli/risk-command.js');
      return runRiskCommand({ env, explain: inv.explain, input: process.stdin, output: process.stdout, errors: process.stderr });
    }
    case 'dry-run': {
      const { runDryRunCli } = await import('./sandbox/index.js');
      const { realpathSync } = await import('node:fs');
      const r = await runDryRunCli({ command: inv.command, cwd: realpathSync(process.cwd()), home: env.HOME, runtimeDir: env.XDG_RUNTIME_DIR, json: inv.json });
      process.stdout.write(r.output);
      return r.status;
    }
    case 'history': {
      const { runHistoryCommand } = await import('./cli/history-command.js');
      return runHistoryCommand({ env, args: inv.args, output: process.stdout, errors: process.stderr });
    }
    case 'model': {
      const { runModelCommand } = await import('./cli/model-command.js');
      return runModelCommand(inv.action, { env, output: process.stdout, errors: process.stderr });
    }
    case 'config': {
      const { runConfigCommand } = await import('./cli/config-command.js');
      const r = await runConfigCommand({ env, json: inv.json, flags: inv.configFlags });
      process.stdout.write(r.output);
      return r.status;
    }
    case 'doctor': {
      const { config, problems } = await readConfig(env, inv.configFlags);
      const { runDoctorCommand } = await import('./cli/doctor-command.js');
      return runDoctorCommand({ config, configProblems: problems, env, bash: findBash(env), output: process.stdout, modelSpeed: inv.modelSpeed });
    }
    case 'suggest':
    case 'ask': {
      const { config, problems } = await readConfig(env);
      for (const p of problems) process.stderr.write(`nl-sh: ${p}\n`);
      const { runSuggestCommand, runAskCommand } = await import('./cli/suggest-command.js');
      const io = { config, env, output: process.stdout, errors: process.stderr };
      return inv.kind === 'suggest' ? runSuggestCommand({ ...io, request: inv.request, printCommand: inv.printCommand, showContext: inv.showContext, json: inv.json }) : runAskCommand({ ...io, question: inv.question, showContext: inv.showContext, json: inv.json });
    }
    case 'route': {
      const { runRouteCommand } = await import('./cli/route-command.js');
      return runRouteCommand({ bash: findBash(env), env, explain: inv.explain, input: process.stdin, output: process.stdout });
    }
  }
}

/** The interactive shell: bash in a pty with nl-sh at the Enter hook. */
async function runInteractive(inv: Extract<Invocation, { kind: 'interactive' }>, env: Record<string, string | undefined>, dashArgv0: boolean): Promise<number> {
  const { config, problems, sources } = await readConfig(env, inv.configFlags);
  for (const p of problems) process.stderr.write(`nl-sh: ${p}\n`);

  const terminal = processTerminal();
  const warn = (line: string): void => {
    terminal.write(`\r\n${line}\r\n`);
  };

  const cleanEnv: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined) cleanEnv[k] = v;
  let cwd: string;
  try {
    cwd = process.cwd();
  } catch {
    // The directory nl-sh was started in is gone: start bash at home, as login would.
    cwd = env.HOME || '/';
  }

  let parser: BashParser | undefined;
  let parserLoading: Promise<BashParser | undefined> | undefined;
  let setOfferPending = (_pending: boolean): void => undefined;
  // The router and the parser load after the first prompt, never before it; a line submitted
  // before the router is ready waits for it.
  let decider: LineDeciderParts | undefined;
  let loading: Promise<LineDeciderParts> | undefined;
  const loadDecider = (): Promise<LineDeciderParts> => (loading ??= buildDecider());
  const buildDecider = async (): Promise<LineDeciderParts> => {
    const { createLineDecider } = await import('./repl/line-decider.js');
    decider = createLineDecider({
      config: { nlPrefix: config.nlPrefix, shellPrefix: config.shellPrefix },
      parser: () => parser,
      parserLoaded: () => parserLoading ?? Promise.resolve(parser),
      onRequest: async (ctx, route, text): Promise<LineDecision> => (await requests()).handle(ctx, route, text),
      onEscalate: async (ctx): Promise<LineDecision> => (await requests()).escalate(ctx),
      onPaste: async (ctx, block): Promise<LineDecision> => {
        const [{ choosePasted }, { localeIsUtf8 }] = await Promise.all([import('./flow/paste-chooser.js'), import('./preview/render-events.js')]);
        const style = { color: colorEnabled(config, env), ascii: !localeIsUtf8(env) };
        return choosePasted(ctx, block, { style, nlPrefix: config.nlPrefix, ask: async (c, route, text) => (await requests()).handle(c, route, text) });
      },
      setOfferPending: (p) => setOfferPending(p),
    });
    return decider;
  };
  // The planner, the parser, the risk gate and the sandbox load on the first request, never before it.
  let flow: Promise<RequestFlow> | undefined;
  let plugins: Promise<PluginSet | undefined> | undefined;
  let flowReady: RequestFlow | undefined;
  const requests = () =>
    (flow ??= import('./cli/flow-wiring.js').then(async ({ wireRequestFlow }) => {
      flowReady = await wireRequestFlow({ config, env, capture: session.capture, color: colorEnabled(config, env), modelsConfigured: sources.tiers !== 'default', plugins: () => plugins ?? Promise.resolve(undefined), sessionDir: session.dir });
      return flowReady;
    }));
  const decide: LineDecider = (ctx: LineContext) => (decider ? decider.decide(ctx) : loadDecider().then((d) => d.decide(ctx)));

  const session = startSession({
    bash: findBash(env),
    bashArgs: inv.bashArgs,
    rcfile: `${root}share/bash/integration.bash`,
    env: cleanEnv,
    cwd,
    rcEnv: {},
    start: { login: inv.login, dashArgv0, norc: inv.norc, noprofile: inv.noprofile, rcfile: inv.rcfile },
    terminal,
    spawnPty: spawnInPty,
    decide,
    onCommandDone: (done) => {
      if (done.line) void plugins?.then((set) => set?.onCommandDone({ words: done.line?.trim().split(/\s+/) ?? [], status: done.status, cwd: process.cwd() }));
      const shown = [flowReady?.onCommandDone(done), decider?.onCommandDone(done)].filter(Boolean);
      if (flowReady?.hasEscalation()) decider?.offerEscalation();
      return shown.length ? shown.join('') : undefined;
    },
    passMarks: outerTerminalUnderstandsMarks(env),
    captureBytes: config.captureBytes,
    onFirstPrompt: () => {
      // User plugins start in their own process, off the way to the prompt, and only if any exist.
      // Nothing of the plugin machinery loads unless a plugin file exists.
      const pluginDir = join(configDir(env), 'plugins');
      plugins = pluginFiles(pluginDir)
        .then((files) => (files.length === 0 ? undefined : import('./integrations/index.js').then((m) => m.loadPlugins(pluginDir, { warn }))))
        .then((set) => {
          if (!set) return undefined;
          // One call in the background warms the isolates (the first costs ~30 ms) and finds a
          // misbehaving plugin before the user's first request does.
          if (set.names().length > 0) void set.context(process.cwd(), 500).catch(() => undefined);
          return set;
        })
        .catch((err: unknown) => {
          warn(`nl-sh: plugins disabled (${describeError(err)})`);
          return undefined;
        });
      terminal.disableOutputProcessing();
      void loadDecider();
      // The parser alone (not the risk rules) loads after the prompt, never before it.
      parserLoading = import('./risk/parse/bash-parser.js').then((m) => m.loadBashParser()).then(
        (p) => (parser = p),
        (err: unknown) => {
          warn(`nl-sh: the bash parser did not load (${describeError(err)}); routing uses simpler checks`);
          return undefined;
        },
      );
    },
    warn,
  });

  setOfferPending = session.setOfferPending;
  let hungUp = false;
  const hangup = (): void => {
    if (hungUp) return;
    hungUp = true;
    session.hangup();
    setTimeout(() => process.exit(129), 3000).unref();
  };
  process.on('SIGHUP', hangup);
  process.on('SIGTERM', hangup);
  process.on('SIGINT', () => undefined);
  process.on('SIGQUIT', () => undefined);
  process.stdin.on('error', hangup);
  process.stdout.on('error', hangup);
  process.on('uncaughtException', (err) => {
    try {
      warn(`${formatErrorLine(err)} (nl-sh keeps going; please report this)`);
    } catch {
      // The terminal itself is gone.
    }
  });

  const status = await session.exited;
  void plugins?.then((set) => set?.dispose());
  terminal.restore();
  return status;
}
