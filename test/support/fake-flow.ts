// Test support: the request flow with every dependency faked (no pty, no model, no bash, no disk).
// A scripted planner and judge, recording fakes for the rest, and a terminal lease that answers
// each question the flow shows (a menu, a typed confirmation, a revision prompt) with the next
// scripted keys, after the flow has shown it, so keys typed ahead are never what answers.

import { createRequestFlow, type RequestFlow } from '../../src/flow/request-flow.js';
import type { Contained, FlowDeps } from '../../src/flow/flow-deps.js';
import type { ChatMessage, PlanReply, Planner, Suggestion, SuggestOptions } from '../../src/planner/index.js';
import type { HistoryEntry } from '../../src/repl/request-history.js';
import type { LineContext, LineDecision } from '../../src/repl/line-decision.js';
import { buildProfile, type ProfileKind } from '../../src/sandbox/index.js';
import { defaultPolicy, type Approval, type Assessment, type Execution, type Level, type Policy } from '../../src/risk/index.js';

export const CWD = '/home/u/p';
export const HOME = '/home/u';

/** A history or audit entry as the flow records it. */
export type Recorded = Omit<HistoryEntry, 'at' | 'session'>;

/** What the judge says about one command. */
export interface Verdict {
  assessment: Assessment;
  toolContext: string[];
  execution: Execution;
}

/** The judge's verdict at `level`: one plain command when `words` are given, sandboxed by its level. */
export function verdict(level: Level, words?: string[], over: Partial<Assessment> = {}): Verdict {
  const assessment: Assessment = { level, reasons: [{ level, kind: 'rule', part: words?.join(' ') ?? '?', why: `is ${level}` }], dynamic: false, unknown: false, unparsable: false, plainWords: words, ...over };
  return { assessment, toolContext: [], execution: { kind: 'sandbox', profile: level === 'read_only' ? 'read-only' : 'writes' } };
}

/** A planner's answer proposing `command`. */
export function planned(command: string, over: { lowConfidence?: boolean; cached?: boolean; tier?: string } = {}): Suggestion {
  const reply: PlanReply = { command, explanation: `runs ${command}`, parts: [], assumptions: [], needsNetwork: false, needsRoot: false, confidence: 0.9 };
  return { ok: true, reply, tier: over.tier ?? 'local', model: 'fake-7b', lowConfidence: over.lowConfidence ?? false, tierIndex: 0, attempts: [], cached: over.cached ?? false, context: { cwd: CWD, omitted: [] } };
}

/** What one test scripts. */
export interface FakeFlowScript {
  /** The planner's answers in order; a function gets the request's options (its signal, to be cancelled). */
  plans?: (Suggestion | ((opts: SuggestOptions, h: FakeFlow) => Promise<Suggestion>))[];
  /** The judge's verdict per command (absent: fails, so a test never judges by accident). */
  verdicts?: Record<string, Verdict>;
  policy?: FlowDeps['policy'];
  remember?: FlowDeps['remember'];
  earlierAnswer?: HistoryEntry;
  /** The answer to each question the flow shows, in order (keys as the terminal sends them). */
  keys?: string[];
}

/** The flow and everything it did. */
export interface FakeFlow {
  flow: RequestFlow;
  /** Everything written to the terminal, as rendered (no colour). */
  screen(): string;
  /** Each menu of choices the flow showed, as rendered. */
  menus: string[];
  /** Send raw terminal input now. */
  send(data: string): void;
  planned: { text: string; earlier: ChatMessage[] | undefined; startAt: number | undefined }[];
  judged: string[];
  recorded: Recorded[];
  remembered: Approval[];
  dryRuns: string[];
  ran: { wrapper: readonly string[]; command: string }[];
  /** Questions shown after the scripted keys ran out (each answered with q, cancel). */
  unanswered: number;
  /** Handle `line` as a natural-language request. */
  handle(line: string): Promise<LineDecision>;
  /** Tell the flow that bash finished `command` with `status`. */
  finish(command: string, status: number): void;
}

// A question the flow waits on: a menu (ends with its Enter hint), a typed confirmation, a revision prompt.
const question = /\(Enter: [a-z-]+\) $|type yes and Enter to run it|\r\n {2}revise \(/;

/** Build the flow over fakes following `script`. */
export function fakeFlow(script: FakeFlowScript): FakeFlow {
  const plans = [...(script.plans ?? [])];
  const keys = [...(script.keys ?? [])];
  let screen = '';
  let listener: ((data: Buffer) => void) | undefined;
  const h: FakeFlow = {
    flow: undefined as unknown as RequestFlow,
    screen: () => screen,
    menus: [],
    send: (data) => listener?.(Buffer.from(data)),
    planned: [],
    judged: [],
    recorded: [],
    remembered: [],
    dryRuns: [],
    ran: [],
    unanswered: 0,
    handle: (line) => h.flow.handle(contextFor(line), 'nl', line),
    finish: (command, status) => void h.flow.onCommandDone({ line: command, status, output: Buffer.alloc(0) }),
  };
  // The answer goes out once the flow has shown the question and dropped keys typed before it.
  const answer = (text: string): void => {
    if (/\(Enter: /.test(text)) h.menus.push(text);
    const next = keys.shift();
    if (next === undefined) h.unanswered++;
    setImmediate(() => h.send(next ?? 'q'));
  };
  const contextFor = (line: string): LineContext => ({
    line,
    firstWordType: '',
    path: '/usr/bin:/bin',
    continuation: false,
    cwd: CWD,
    facts: async (words) => words.map(() => ''),
    definitions: async () => '',
    takeTerminal: () => ({
      write: (text) => {
        screen += text;
        if (question.test(text)) answer(text);
      },
      onInput: (l) => (listener = l),
      size: () => ({ cols: 200, rows: 40 }),
    }),
    runContained: async (wrapper, command, guard) => {
      h.ran.push({ wrapper, command });
      return { verb: 'contained', run: { line: command, history: command, wrapper, guard } };
    },
  });
  const planner: Planner = {
    suggest: async (text, opts) => {
      h.planned.push({ text, earlier: opts.earlier, startAt: opts.startAt });
      const next = plans.shift();
      if (next === undefined) throw new Error(`the planner was asked more than scripted (for "${text}")`);
      return typeof next === 'function' ? next(opts, h) : next;
    },
    ask: async () => ({ ok: false, aborted: false, noTier: false, message: 'no questions in these tests' }),
  };
  h.flow = createRequestFlow(fakeDeps(script, h, planner));
  return h;
}

function fakeDeps(script: FakeFlowScript, h: FakeFlow, planner: Planner): FlowDeps {
  return {
    planner: async () => planner,
    judge: async (command) => {
      h.judged.push(command);
      const found = script.verdicts?.[command];
      if (!found) throw new Error(`no verdict scripted for ${command}`);
      return found;
    },
    policy: script.policy ?? (async () => ({ policy: defaultPolicy })),
    remember:
      script.remember ??
      ((approval) => {
        h.remembered.push(approval);
        return `${HOME}/.config/nl-sh/policy.toml`;
      }),
    ground: async () => ({ parts: [] }),
    dryRun: async (command) => {
      h.dryRuns.push(command);
      return { available: true, exitStatus: 0, timedOut: false, capped: false, networkSuspected: false, summary: [], detail: [], changed: 0 };
    },
    canDryRun: () => true,
    contain: async (_command, cwd, how) => containedIn(cwd, how.profile, how.network),
    record: (entry) => void h.recorded.push(entry),
    earlierAnswer: () => script.earlierAnswer,
    lastCommand: () => undefined,
    style: { color: false },
    modelsConfigured: true,
    home: HOME,
    now: () => 1000,
  };
}

function containedIn(cwd: string, kind: ProfileKind, network: boolean): Contained {
  const profile = buildProfile({ kind, cwd, home: HOME, nlshConfigDir: `${HOME}/.config/nl-sh`, network });
  return { ok: true, wrapper: ['fake-sandbox', profile.name], mechanism: 'bwrap', degraded: [], profile, guard: [] };
}

/** A policy with one level's action changed. */
export function policyWith(level: Level, action: Policy['levels'][Level]): FlowDeps['policy'] {
  return async () => ({ policy: { ...defaultPolicy, levels: { ...defaultPolicy.levels, [level]: action } } });
}
