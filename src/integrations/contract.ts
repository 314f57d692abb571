// The one signature every integration (git, aws, docker, kubectl, package managers) has, and
// the runner that asks all relevant ones for facts at once within a time budget. An integration
// only reads: files first, then a read-only program run with a timeout.

import type { ExtraRule } from '../extra-rule.js';

/** Short facts for the planner and the gate, keyed by what they name: `{ 'kube context': 'prod-eu' }`. */
export type ToolFacts = Readonly<Record<string, string>>;

/** What a read-only program run returned; `ok` is false on a non-zero exit, a timeout or a spawn error. */
export interface RunResult {
  ok: boolean;
  stdout: string;
}

/** The I/O an integration may use, injected (io.ts has the real one; tests wrap or fake it). */
export interface IntegrationCtx {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The program's path on the env's PATH, or undefined when it is not installed. */
  which(program: string): Promise<string | undefined>;
  /** Run a program (no shell) with a timeout and an output cap; never throws. */
  run(argv: readonly string[], opts: { timeoutMs: number; signal?: AbortSignal }): Promise<RunResult>;
  /** Run `git <args>` hardened against the repository (src/run-git.ts), like `run` otherwise. */
  runGit(args: readonly string[], opts: { timeoutMs: number; signal?: AbortSignal }): Promise<RunResult>;
  /** A file's text, at most 64 KiB; undefined when it cannot be read. */
  readFile(path: string): Promise<string | undefined>;
  /** Whether a path exists (file, directory or socket). */
  exists(path: string): Promise<boolean>;
}

/** When an integration must be done (on performance.now()'s clock), and the signal that fires then. */
export interface Budget {
  readonly deadline: number;
  readonly signal: AbortSignal;
}

/** A command the user ran, for `onCommandDone`. */
export interface CommandDone {
  words: readonly string[];
  status: number;
  cwd: string;
}

/** One tool nl-sh knows about; registry.ts lists the built-ins. */
export interface Integration {
  readonly name: string;
  /** Command names this integration's facts are about (for the preview). */
  readonly programs: readonly string[];
  /** Is the tool installed and relevant here (cheap: PATH and file checks only). */
  detect(ctx: IntegrationCtx): Promise<boolean>;
  /** Facts for the planner, finished before `budget.deadline`. */
  context(ctx: IntegrationCtx, budget: Budget): Promise<ToolFacts>;
  /** Risk rules that depend on this tool's facts (the gate matches them); absent or empty: none. */
  readonly adjustments?: readonly ExtraRule[];
  /** Whether a finished command may have changed this tool's facts (so a cached copy is stale). */
  onCommandDone?(result: CommandDone): 'stale' | 'unchanged';
}

/** The facts of one integration that answered in time. */
export interface IntegrationSection {
  name: string;
  facts: ToolFacts;
}

/** What `runIntegrations` gathered: sections in list order, all facts merged, and who was left out. */
export interface IntegrationReport {
  sections: IntegrationSection[];
  facts: ToolFacts;
  /** Integrations that missed the deadline or failed, by name. */
  omitted: string[];
}

/** Milliseconds left before the deadline (never negative). */
export function remainingMs(budget: Budget): number {
  return Math.max(0, budget.deadline - performance.now());
}

/** A timeout for a program run: what is left of the budget less a margin, at most `capMs`. */
export function runTimeoutMs(budget: Budget, capMs = 1000, marginMs = 4): number {
  return Math.max(0, Math.min(capMs, remainingMs(budget) - marginMs));
}

/** `promise`'s value, or `fallback` when it is not ready `marginMs` before the deadline (so the caller's other facts still arrive). */
export function beforeDeadline<T>(promise: Promise<T>, budget: Budget, fallback: T, marginMs = 3): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<T>((resolve) => (timer = setTimeout(() => resolve(fallback), Math.max(0, remainingMs(budget) - marginMs))));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

const maxValue = 160;

// Fact values come from files and program output the user does not control (a kubeconfig's
// context names, a commit message): one line each, printable, short.
function cleanFacts(facts: ToolFacts): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(facts)) {
    if (typeof value !== 'string') continue;
    const line = value.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
    if (line) out[key] = line.length > maxValue ? `${line.slice(0, maxValue - 1)}…` : line;
  }
  return out;
}

/** Run every relevant integration at once; those that miss `budgetMs` or throw are named in `omitted`. Never throws. */
export async function runIntegrations(list: readonly Integration[], ctx: IntegrationCtx, budgetMs: number): Promise<IntegrationReport> {
  const controller = new AbortController();
  const budget: Budget = { deadline: performance.now() + budgetMs, signal: controller.signal };
  const results = new Map<string, ToolFacts | 'failed' | 'absent'>();
  const jobs = list.map(async (integration) => {
    try {
      if (!(await integration.detect(ctx))) return void results.set(integration.name, 'absent');
      if (budget.signal.aborted) return;
      const facts = await integration.context(ctx, budget);
      if (!budget.signal.aborted) results.set(integration.name, cleanFacts(facts));
    } catch {
      if (!budget.signal.aborted) results.set(integration.name, 'failed');
    }
  });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, Math.max(0, budgetMs))));
  await Promise.race([Promise.all(jobs), deadline]);
  clearTimeout(timer);
  controller.abort();
  const report: IntegrationReport = { sections: [], facts: {}, omitted: [] };
  const merged: Record<string, string> = {};
  for (const integration of list) {
    const result = results.get(integration.name);
    if (result === 'absent') continue;
    if (result === undefined || result === 'failed') {
      report.omitted.push(integration.name);
      continue;
    }
    report.sections.push({ name: integration.name, facts: result });
    for (const [key, value] of Object.entries(result)) merged[key] ??= value;
  }
  return { ...report, facts: merged };
}

/** Names of the integrations whose facts a finished command may have changed. */
export function staleIntegrations(list: readonly Integration[], result: CommandDone): string[] {
  const stale = (i: Integration): boolean => {
    try {
      return i.onCommandDone?.(result) === 'stale';
    } catch {
      return true;
    }
  };
  return list.filter(stale).map((i) => i.name);
}
