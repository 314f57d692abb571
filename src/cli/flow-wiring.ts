// Wiring the natural-language flow for an interactive session: the planner, the risk gate with
// this machine's facts, the policy file, local help, the dry run and the sandbox, nl-sh's
// history and audit log. Loaded on the first request, never on the way to the first prompt.

import { messages } from '../messages.js';
import { join } from 'node:path';
import { configDir, stateDir, type Config } from '../config.js';
import { describeError, NlshError } from '../errors.js';
import { createRequestFlow, type RequestFlow } from '../flow/request-flow.js';
import { containCommand } from '../flow/contain.js';
import { dryRunView } from '../flow/dry-run-view.js';
import { groundCommand, helpAllowlist } from '../flow/ground.js';
import { createRunningHelpSource } from '../preview/flag-help.js';
import { localeIsUtf8 } from '../preview/render-events.js';
import * as integrations from '../integrations/index.js';
import { commandParts } from '../preview/command-parts.js';
import * as repl from '../repl/index.js';
import * as sandbox from '../sandbox/index.js';
import * as risk from '../risk/index.js';
import { buildPlanner } from './planner-wiring.js';
import { gateRules } from './gate-rules.js';
import { sandboxFacts } from './sandbox-facts.js';
import { collectWhenIdle } from '../collect-when-idle.js';

/** What the session offers the flow. */
export interface FlowWiringOptions {
  config: Readonly<Config>;
  env: Record<string, string | undefined>;
  capture: repl.Session['capture'];
  /** Whether the terminal shows colour. */
  color: boolean;
  /** The user configured model tiers (so a failure is theirs to fix, not "set one up"). */
  modelsConfigured?: boolean;
  /** The user's plugins, once loaded (absent: none). */
  plugins?: () => Promise<integrations.PluginSet | undefined>;
  /** The session's private directory, hidden from every sandbox. */
  sessionDir?: string;
}

/** Build the flow with every real dependency. */
export async function wireRequestFlow(opts: FlowWiringOptions): Promise<RequestFlow> {
  const { config, env, capture } = opts;
  const parser = await risk.loadBashParser().catch((err: unknown) => {
    throw new NlshError({ message: `requests need the bash parser, which did not load (${describeError(err)})` });
  });
  const state = stateDir(env);
  const historyFile = join(state, 'history.jsonl');
  const policyFile = join(configDir(env), 'policy.toml');
  const home = env.HOME ?? '/';
  // A history or audit log that cannot be written (full disk, read-only home) never stops a request; the user
  // is told once per session, with the next decision or after the command it ran.
  let unwritten: string | undefined;
  let told = false;
  const auditFile = join(state, 'audit.jsonl');
  const audit = repl.createAuditLog(auditFile, {
    journal: config.auditJournal,
    session: process.pid,
    onError: (err) => (unwritten ??= messages.cannotRecord('audit log', auditFile, describeError(err))),
  });
  const lastCommand = async () => {
    const last = capture.lastCommand();
    if (!last?.line) return undefined;
    const text = await repl.renderTerminalText(last.output, 120, 40);
    return { line: last.line, status: last.status, outputTail: text.split('\n').slice(-40).join('\n') };
  };
  // Context never waits for plugins still loading (the judge below does: rules must apply).
  const pluginFacts = async (cwd: string, budgetMs: number): Promise<string[]> => {
    const set = opts.plugins ? await Promise.race([opts.plugins(), Promise.resolve(undefined)]) : undefined;
    if (!set) return [];
    const { facts } = await set.context(cwd, budgetMs);
    return Object.entries(facts).map(([k, v]) => `${k}: ${v}`);
  };
  const planner = Promise.resolve(buildPlanner({ config, env, parser, lastCommand, pluginFacts }));
  const classifier = risk.loadRiskClassifier();
  const help = createRunningHelpSource(helpAllowlist(risk.defaultRuleTable), env);
  const capabilities = sandbox.createCapabilityCache(() => sandbox.probeCapabilities(sandbox.createNodeProbeIo(env), { confinePath: sandbox.bundledConfinePath() }));
  const tellOnce = (): string | undefined => {
    if (unwritten === undefined || told) return undefined;
    told = true;
    return unwritten;
  };
  const flow = createRequestFlow({
    planner: () => planner,
    judge: async (command, cwd) => {
      // Only the integrations whose programs the command runs (kubectl under sudo counts).
      const programs = commandParts(parser, command).flatMap((p) => (p.program ? [p.program] : []));
      const relevant = integrations.builtinIntegrations.filter((i) => i.programs.some((p) => programs.includes(p)));
      const [gate, report, plugins] = await Promise.all([classifier, integrations.integrationFacts(cwd, env, 40, relevant), opts.plugins?.()]);
      const assessment = gate.assess(command, { fs: risk.createFsFacts({ cwd, home }), tools: report.facts, rules: gateRules(plugins) });
      const execution = risk.chooseExecution(assessment.level, risk.commandShape(parser, command));
      return { assessment, toolContext: integrations.factsForCommand(report, programs, relevant), execution };
    },
    policy: () => risk.readPolicyFile(policyFile),
    remember: (approval) => {
      risk.rememberApproval(policyFile, approval);
      return policyFile;
    },
    ground: (command, parts) => groundCommand(command, parts, parser, risk.defaultRuleTable, help),
    dryRun: (command, cwd, signal, definitions) =>
      dryRunView(sandbox.dryRun, { command, cwd, home, timeoutSeconds: 10, runtimeDir: env.XDG_RUNTIME_DIR, argvs: commandParts(parser, command).flatMap((p) => (p.program ? [[p.program, ...p.args]] : [])), signal, definitions }),
    canDryRun: () => capabilities.get().overlayInUserNamespace,
    contain: async (command, cwd, how) => containCommand(command, cwd, how, { ...sandboxFacts(env, capabilities.get, opts.sessionDir), home }),
    record: (entry) => {
      repl.appendHistory(historyFile, { ...entry, at: Date.now(), session: process.pid }, (err) => {
        unwritten ??= messages.cannotRecord('request history', historyFile, describeError(err));
      });
      audit.write({ kind: 'decision', ...entry });
    },
    earlierAnswer: (line, cwd) => {
      const hits = repl.searchHistory(repl.readHistory(historyFile), { cwd, route: 'nl', exitStatus: 0 });
      return hits.find((e) => e.line === line && e.cwd === cwd && e.command !== undefined);
    },
    lastCommand: () => capture.lastCommand(),
    style: { color: opts.color, ascii: !localeIsUtf8(env) },
    modelsConfigured: opts.modelsConfigured ?? false,
    home,
    now: () => performance.now(),
  });
  return {
    handle: async (ctx, route, text) => {
      const decision = await flow.handle(ctx, route, text).finally(() => collectWhenIdle());
      const line = tellOnce();
      return line ? { ...decision, notice: decision.notice ? `${decision.notice}\r\n${line}` : line } : decision;
    },
    hasEscalation: () => flow.hasEscalation(),
    escalate: (ctx) => flow.escalate(ctx),
    onCommandDone: (done) => {
      const shown = flow.onCommandDone(done);
      const line = tellOnce();
      return line ? `${shown ?? ''}${line}\r\n` : shown;
    },
  };
}
