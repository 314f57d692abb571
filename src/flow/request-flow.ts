// The natural-language flow at the Enter hook: plan (Ctrl-C gives the line back), judge with
// nl-sh's own risk gate, preview (command, parts, risk, dry run, source), then one key decides:
// run contained, run without sandbox, always allow, edit, revise, explain more, dry run, copy,
// ask again, show the details of a preview folded to fit, or cancel. Nothing runs without the
// user's key, and nothing above read-only runs on Enter alone. An approved command runs in the
// user's bash, which records it in history.

import type { ChatMessage, Planner, PlanReply, Suggestion } from '../planner/index.js';
import type { LineContext, LineDecision } from '../repl/line-decision.js';
import { type SandboxProfile } from '../sandbox/index.js';
import { decideAction, mostRestrictivePolicy, policyFallbackNote, type Assessment, type Decision } from '../risk/index.js';
import { choiceForKey, choicesFor, type ChoiceId, type ChoiceMenu } from '../preview/choices.js';
import type { DryRunView, FlowEvent, PlanSource, Preview } from '../preview/flow-events.js';
import { screenRows } from '../preview/fold.js';
import { renderEvent } from '../preview/render-events.js';
import type { FlowDeps, Grounding } from './flow-deps.js';
import { createKeyInput, dropKeysBeforeQuestion, type KeyInput } from './key-input.js';
import { approvalFor, tildePath, unsandboxedReason } from './flow-helpers.js';
import { createQuestionFlow } from './question-flow.js';
import { createRunTracker, type RunTracker } from './run-tracker.js';
import { escalationMenu } from './escalation.js';
import { ReviewScreen, type ReviewTerminal } from './review-screen.js';
import { startSpinner } from './spinner.js';
import { messages, type ModelFailure } from '../messages.js';

/** A plan being shown: the model's reply and where it came from. */
interface Shown {
  reply: Pick<PlanReply, 'command' | 'explanation' | 'parts' | 'assumptions' | 'needsNetwork'>;
  source: PlanSource;
}

/** The handler for routed lines, and the hook that notes how an approved command ended. */
export interface RequestFlow {
  handle(ctx: LineContext, route: 'nl' | 'question', text: string): Promise<LineDecision>;
  /** A command finished in bash; returns a line to show (why the sandbox stopped it), if any. */
  onCommandDone(done: { line: string | undefined; status: number; output: Buffer }): string | undefined;
  /** The sandbox stopped the last command and a next profile is on offer. */
  hasEscalation(): boolean;
  /** The user took the offer (a blank Enter): ask once more, with the next profile, and run on r. */
  escalate(ctx: LineContext): Promise<LineDecision>;
}

const TYPED_WORD = 'yes';

/** Build the flow. */
export function createRequestFlow(input: FlowDeps): RequestFlow {
  let explainedSetup = false;
  // Whether a model has answered in this session: then a failure is that model stopping, not a
  // missing setup, and the message names the cause instead of how to install one.
  let answered = false;
  const deps: FlowDeps = { ...input, planner: async () => noteAnswers(await input.planner(), () => (answered = true)) };
  const failure = (f: ModelFailure): string => {
    const text = messages.modelFailed(f, { configured: deps.modelsConfigured, answeredBefore: answered, setupExplained: explainedSetup });
    if (f.noTier && !deps.modelsConfigured && !answered) explainedSetup = true;
    return text;
  };
  const tracker: RunTracker = createRunTracker(deps);
  const questions = createQuestionFlow(deps, failure);

  // The terminal for this decision: events rendered at its width (now), keys read from it.
  const takeTerminal = (ctx: LineContext): { emit: (event: FlowEvent) => void; keys: KeyInput; terminal: ReviewTerminal } => {
    const lease = ctx.takeTerminal();
    const render = (event: FlowEvent): string => renderEvent(event, { ...deps.style, cols: lease.size().cols });
    const terminal: ReviewTerminal = {
      rows: () => lease.size().rows,
      rowsOf: (events) => screenRows(events.map(render).join('')),
      onResize: (listener) => lease.onResize?.(listener) ?? (() => undefined),
    };
    return { emit: (event) => lease.write(render(event)), keys: createKeyInput(lease), terminal };
  };
  const handle = async (ctx: LineContext, route: 'nl' | 'question', text: string): Promise<LineDecision> => {
    const { emit, keys, terminal } = takeTerminal(ctx);
    if (route === 'question') return questions.ask(ctx, text, emit, keys);
    return new RequestRun(deps, ctx, text, emit, keys, tracker, failure, terminal).start();
  };
  const escalate = async (ctx: LineContext): Promise<LineDecision> => {
    const offer = tracker.takeEscalation();
    if (!offer) return { verb: 'drop' };
    const { emit, keys } = takeTerminal(ctx);
    emit({ kind: 'hint', text: `run \`${offer.command}\` again with ${offer.what}?` });
    const menu = escalationMenu(offer);
    emit({ kind: 'choices', menu });
    dropKeysBeforeQuestion(keys, emit);
    const choice = choiceForKey(menu, await keys.key());
    emit({ kind: 'cancelled' });
    if (choice !== 'run' && choice !== 'run-network') return { verb: 'drop' };
    const contained = await deps.contain(offer.command, offer.cwd, { profile: offer.profile, network: offer.network });
    if (!contained.ok) return { verb: 'edit', line: offer.command, notice: messages.sandboxUnavailable(contained.reason) };
    return runContainedRecorded(ctx, contained, { cwd: offer.cwd, line: ctx.line, route: 'nl', command: offer.command, decision: 'ran (next profile)' }, emit, tracker);
  };
  return { handle, onCommandDone: (done) => tracker.done(done), hasEscalation: () => tracker.hasEscalation(), escalate };
}

// A contained run as every path starts one: said, tracked (its end is recorded), handed to bash.
function runContainedRecorded(
  ctx: LineContext,
  contained: Extract<Awaited<ReturnType<FlowDeps['contain']>>, { ok: true }>,
  entry: Parameters<RunTracker['start']>[0],
  emit: (e: FlowEvent) => void,
  tracker: RunTracker,
): Promise<LineDecision> {
  const how = `${contained.mechanism} (${contained.profile.name})`;
  emit({ kind: 'run', command: entry.command, sandbox: how, degraded: contained.degraded });
  tracker.start({ ...entry, sandbox: how }, contained.profile);
  return ctx.runContained(contained.wrapper, entry.command, contained.guard);
}

// The user's policy; one that cannot be read at all falls back to the most restrictive, and says so.
async function policyOrFallback(deps: FlowDeps): Promise<Awaited<ReturnType<FlowDeps['policy']>>> {
  try {
    return await deps.policy();
  } catch (err) {
    return { policy: mostRestrictivePolicy, warning: `the policy could not be read (${(err as Error).message}); ${policyFallbackNote}` };
  }
}

// The profile a contained run gets, in one short line for the preview.
function profileLine(contained: Awaited<ReturnType<FlowDeps['contain']>>, home: string): string {
  if (!contained.ok) return `the sandbox cannot run here: ${contained.reason}`;
  const p = contained.profile;
  if (p.kind === 'read-only') return `sandbox: read-only (nothing can be written${p.hostView ? '; the host is visible, not touchable' : ''}; no network)`;
  if (p.kind === 'process-control') return 'sandbox: process control (read-only; may signal your processes)';
  return `sandbox: writes only in ${p.writable.map((w) => tildePath(w, home)).join(', ')}${p.network ? ' (with network)' : ' (no network: [w] runs it with the network)'}`;
}

/** The planner, calling `onAnswer` whenever it plans or answers successfully. */
function noteAnswers(planner: Planner, onAnswer: () => void): Planner {
  return {
    ...planner,
    suggest: async (...args: Parameters<Planner["suggest"]>) => {
      const result = await planner.suggest(...args);
      if (result.ok) onAnswer();
      return result;
    },
    ask: async (...args: Parameters<Planner["ask"]>) => {
      const result = await planner.ask(...args);
      if (result.ok) onAnswer();
      return result;
    },
  };
}

// One request, from the first plan to the user's decision.
class RequestRun {
  private earlier: ChatMessage[] = [];
  private dryRunView: DryRunView | undefined;
  // The words that produced the plan on screen: the request, then each revision (`list the files →
  // only the big ones`). History is recorded under them, so the original words never replay a revision.
  private words: string;

  constructor(
    private readonly deps: FlowDeps,
    private readonly ctx: LineContext,
    private readonly text: string,
    private readonly emit: (e: FlowEvent) => void,
    private readonly keys: KeyInput,
    private readonly tracker: RunTracker,
    private readonly failure: (f: ModelFailure) => string,
    private readonly terminal: ReviewTerminal,
  ) {
    this.words = ctx.line;
  }

  async start(): Promise<LineDecision> {
    const before = this.deps.earlierAnswer(this.ctx.line, this.ctx.cwd);
    let shown: Shown | LineDecision;
    if (before?.command) {
      shown = { reply: { command: before.command, explanation: before.explanation ?? '', parts: [], assumptions: [], needsNetwork: false }, source: { kind: 'history', at: before.at, tier: before.tier, model: before.model } };
    } else shown = await this.plan(this.text, {});
    for (;;) {
      if (!('reply' in shown)) return shown;
      const next = await this.review(shown);
      if (!('reply' in next) && !('again' in next)) return next;
      shown = 'again' in next ? await this.plan(next.again.text, next.again.opts) : next;
    }
  }

  // Ask the planner; on failure or Ctrl-C the decision gives the user's line back.
  private async plan(text: string, opts: { earlier?: ChatMessage[]; startAt?: number }): Promise<Shown | LineDecision> {
    const controller = new AbortController();
    const spinner = startSpinner(this.emit, false);
    const stop = this.keys.watchCancel(() => controller.abort());
    const planner = await this.deps.planner();
    const started = this.deps.now();
    let suggestion: Suggestion;
    try {
      suggestion = await planner.suggest(text, { cwd: this.ctx.cwd, signal: controller.signal, earlier: opts.earlier, startAt: opts.startAt, shellTypes: (words) => this.ctx.facts(words), onTier: (tier) => spinner.tier(tier) });
    } finally {
      spinner.stop();
      stop();
    }
    this.emit({ kind: 'status-clear' });
    if (!suggestion.ok) {
      this.deps.record({ cwd: this.ctx.cwd, line: this.words, route: 'nl', decision: suggestion.aborted ? 'cancelled while planning' : 'no plan' });
      return suggestion.aborted ? { verb: 'edit', line: this.ctx.line } : { verb: 'edit', line: this.ctx.line, notice: this.failure(suggestion) };
    }
    const attempt = suggestion.attempts.at(-1);
    const source: PlanSource = suggestion.cached
      ? { kind: 'cache', tier: suggestion.tier, model: suggestion.model }
      : { kind: 'model', tier: suggestion.tier, model: suggestion.model, latencyMs: this.deps.now() - started, costUsd: suggestion.attempts.reduce((sum, a) => sum + a.costUsd, 0) || attempt?.costUsd, lowConfidence: suggestion.lowConfidence };
    this.earlier = [...(opts.earlier ?? []), { role: 'user', content: text }, { role: 'assistant', content: JSON.stringify({ command: suggestion.reply.command, explanation: suggestion.reply.explanation }) }];
    this.dryRunView = undefined;
    return { reply: suggestion.reply, source };
  }

  // The dry run, with Ctrl-C killing it at once (like plan()).
  private async dryRunCancellable(command: string): Promise<DryRunView> {
    const controller = new AbortController();
    const stop = this.keys.watchCancel(() => controller.abort());
    try {
      // The user's functions and aliases, as the sandboxed run will have them.
      const definitions = await this.ctx.definitions(command);
      return await this.deps.dryRun(command, this.ctx.cwd, controller.signal, definitions);
    } finally {
      stop();
    }
  }

  // Show one plan and act on the user's keys until they decide or ask for another plan.
  private async review(shown: Shown): Promise<LineDecision | Shown | { again: { text: string; opts: { earlier?: ChatMessage[]; startAt?: number } } }> {
    const { deps, ctx } = this;
    const command = shown.reply.command;
    const { assessment, toolContext, execution } = await deps.judge(command, ctx.cwd);
    const { policy, warning } = await policyOrFallback(deps);
    if (warning) this.emit({ kind: 'error', message: warning.replace(/^nl-sh: /, '') });
    const decision = decideAction(assessment, policy, ctx.cwd);
    const grounding: Grounding = await deps.ground(command, shown.reply.parts).catch(() => ({ parts: [] }));
    if ((assessment.level === 'writes' || assessment.level === 'destructive') && decision.action !== 'deny') {
      this.emit({ kind: 'dry-running' });
      this.dryRunView = await this.dryRunCancellable(command);
    }
    const preview: Preview = {
      command,
      spans: grounding.spans,
      summary: shown.reply.explanation,
      parts: grounding.parts,
      assumptions: shown.reply.assumptions,
      risk: { level: assessment.level, action: decision.action, why: decision.why, reasons: assessment.reasons },
      toolContext,
      source: shown.source,
    };
    const notes: FlowEvent[] = [];
    if (decision.action === 'deny') notes.push({ kind: 'denied', why: decision.why });
    // The network is the user's to give (the w key), never the model's needs_network.
    const inShell = execution.kind === 'shell';
    const profile = execution.kind === 'sandbox' ? execution.profile : 'writes';
    const contained = await deps.contain(command, ctx.cwd, { profile, network: false });
    // The sandbox is worth a word when the command changes something or the sandbox is missing
    // or not whole (degraded); not for `ls`.
    const sandboxMatters = assessment.level !== 'read_only' || !contained.ok || contained.degraded.length > 0;
    if (execution.kind === 'shell') notes.push({ kind: 'hint', text: `runs in your shell, not sandboxed: it ${execution.why}` });
    else if (sandboxMatters) notes.push({ kind: 'hint', text: profileLine(contained, deps.home) });
    const unsure = shown.source.kind === 'model' && shown.source.lowConfidence === true;
    if (unsure && decision.action === 'run') notes.push({ kind: 'hint', text: messages.lowConfidence() });
    const base = { cwd: ctx.cwd, line: this.words, route: 'nl' as const, command, explanation: shown.reply.explanation, tier: shown.source.kind === 'model' ? shown.source.tier : shown.source.kind, model: shown.source.model, risk: assessment.level };
    const menuFor = (detailsFolded: boolean): ChoiceMenu =>
      choicesFor({
        action: decision.action,
        sandboxAvailable: contained.ok,
        unsandboxedAllowed: policy.allowUnsandboxed,
        approvable: !inShell && approvalFor(assessment, ctx.cwd) !== undefined,
        inShell,
        shellOnEnter: execution.kind === 'shell' && execution.onEnter,
        networkOffered: !inShell && contained.ok && !contained.profile.network && profile !== 'process-control',
        dryRunPossible: deps.canDryRun(),
        dryRunShown: this.dryRunView !== undefined,
        reused: shown.source.kind !== 'model',
        lowConfidence: shown.source.kind === 'model' && shown.source.lowConfidence === true,
        detailsFolded,
      });
    const screen = new ReviewScreen(this.terminal, this.emit, {
      preview: () => ({ ...preview, dryRun: this.dryRunView }),
      notes,
      menu: (detailsFolded) => {
        const menu = menuFor(detailsFolded);
        return { hints: this.menuHints(menu, assessment, decision, contained.ok && sandboxMatters ? contained.profile : undefined), menu };
      },
    });
    // The first drawing is the whole screen; after a choice that printed something, the menu again.
    let draw = (): ChoiceMenu => screen.drawAll();
    for (;;) {
      const choice = await this.choose(screen, draw);
      draw = () => screen.drawMenu();
      switch (choice) {
        case 'run':
        case 'always':
        case 'run-network':
        case 'run-unsandboxed': {
          if (decision.action === 'confirm-typed' && !(await this.typed(decision))) break;
          if (choice === 'always') this.remember(assessment);
          const chosen = choice === 'run-network' ? await deps.contain(command, ctx.cwd, { profile, network: true }) : contained;
          const decisionWord = choice === 'always' ? 'ran (always allowed)' : 'ran';
          if (choice !== 'run-unsandboxed' && !inShell && chosen.ok) return runContainedRecorded(ctx, chosen, { ...base, decision: decisionWord }, this.emit, this.tracker);
          const how = inShell && choice !== 'run-unsandboxed' ? 'your shell' : 'none';
          this.emit({ kind: 'run', command, sandbox: how, degraded: [] });
          this.tracker.start({ ...base, decision: decisionWord, sandbox: how }, undefined);
          return { verb: 'replace', line: command };
        }
        case 'edit':
          deps.record({ ...base, decision: 'edited' });
          this.emit({ kind: 'cancelled' });
          return { verb: 'edit', line: command };
        case 'revise': {
          const revisePrompt: FlowEvent = { kind: 'prompt', label: 'revise (e.g. "only in src"; Esc goes back)' };
          this.emit(revisePrompt);
          if (this.dropTypedAhead(true)) this.emit(revisePrompt);
          const followUp = (await this.keys.line())?.trim();
          this.emit({ kind: 'cancelled' });
          if (!followUp) continue;
          deps.record({ ...base, decision: 'revised' });
          this.words = `${this.words} → ${followUp}`;
          return { again: { text: followUp, opts: { earlier: this.earlier } } };
        }
        case 'ask-again':
          return { again: { text: this.text, opts: { startAt: 0 } } };
        case 'explain':
          await this.explainMore(command);
          continue;
        case 'dry-run':
          this.emit({ kind: 'dry-running' });
          this.dryRunView = await this.dryRunCancellable(command);
          this.emit({ kind: 'dry-run', view: this.dryRunView });
          continue;
        case 'copy':
          this.emit({ kind: 'copied', text: command });
          continue;
        case 'details':
          draw = () => screen.drawDetails();
          continue;
        case 'cancel':
          break;
      }
      // A denial is recorded as one, so history and the audit log tell it from the user's cancel.
      deps.record({ ...base, decision: decision.action === 'deny' ? 'denied' : 'cancelled' });
      this.emit({ kind: 'cancelled' });
      return { verb: 'edit', line: ctx.line };
    }
  }

  // The hints over the menu: why one might run without the sandbox, and that [r] asks for a typed word.
  private menuHints(menu: ChoiceMenu, assessment: Assessment, decision: Decision, profile: SandboxProfile | undefined): FlowEvent[] {
    const hints: FlowEvent[] = [];
    if (menu.choices.some((c) => c.id === 'run-unsandboxed') && profile) hints.push({ kind: 'hint', text: `[u] ${unsandboxedReason(assessment, profile, this.deps.home)}` });
    if (decision.action === 'confirm-typed' && menu.choices.some((c) => c.id === 'run')) hints.push({ kind: 'hint', text: `[r] asks you to type "${TYPED_WORD}" first (${decision.action})` });
    return hints;
  }

  // Draw the screen and wait for a key its menu knows; a resize meanwhile draws it again.
  private async choose(screen: ReviewScreen, draw: () => ChoiceMenu): Promise<ChoiceId> {
    let menu = draw();
    this.dropTypedAhead();
    const picked = async (): Promise<ChoiceId> => {
      for (;;) {
        const id = choiceForKey(menu, await this.keys.key());
        if (id) return id;
      }
    };
    const id = await screen.redrawOnResize(picked(), (redrawn) => (menu = redrawn));
    this.emit({ kind: 'cancelled' });
    return id;
  }

  // Keys typed or pasted before a question was shown never answer it: dropped, and said in one
  // line (true: then a prompt that reads a line is drawn again below the note).
  private dropTypedAhead(afterPrompt = false): boolean {
    return dropKeysBeforeQuestion(this.keys, (event) => {
      if (afterPrompt) this.emit({ kind: 'cancelled' });
      this.emit(event);
    });
  }

  private async typed(decision: Decision): Promise<boolean> {
    const question: FlowEvent = { kind: 'confirm-typed', word: TYPED_WORD, why: `the policy asks for typed confirmation (${decision.why})` };
    this.emit(question);
    if (this.dropTypedAhead(true)) this.emit(question);
    const typed = await this.keys.line();
    this.emit({ kind: 'cancelled' });
    return typed?.trim() === TYPED_WORD;
  }

  private remember(assessment: Assessment): void {
    const approval = approvalFor(assessment, this.ctx.cwd);
    if (!approval) return;
    try {
      const file = this.deps.remember(approval);
      this.emit({ kind: 'remembered', rule: `${approval.match} "${approval.command}" in ${approval.cwd}`, file });
    } catch (err) {
      this.emit({ kind: 'error', message: messages.rememberFailed((err as Error).message) });
    }
  }

  private async explainMore(command: string): Promise<void> {
    const controller = new AbortController();
    const stop = this.keys.watchCancel(() => controller.abort());
    this.emit({ kind: 'answer-start', label: 'explanation' });
    try {
      const planner = await this.deps.planner();
      const answer = await planner.ask(`Explain in detail what this command does, part by part, and what could go wrong:\n${command}`, (text) => this.emit({ kind: 'answer-text', text }), { cwd: this.ctx.cwd, signal: controller.signal });
      if (!answer.ok && !answer.aborted) this.emit({ kind: 'error', message: answer.message });
    } finally {
      stop();
      this.emit({ kind: 'answer-end' });
    }
  }
}
