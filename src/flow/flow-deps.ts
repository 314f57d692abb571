// What the natural-language flow needs from the rest of nl-sh, injected by the composition root
// (so the flow itself has no disk, process or model access of its own and tests can drive it).

import type { Planner } from '../planner/index.js';
import type { PlanPart } from '../planner/plan-schema.js';
import type { HistoryEntry } from '../repl/request-history.js';
import type { ProfileKind, SandboxProfile } from '../sandbox/index.js';
import type { Approval, Assessment, Execution, Policy } from '../risk/index.js';
import type { DryRunView, PartView } from '../preview/flow-events.js';
import type { Span } from '../preview/highlight.js';
import type { RenderStyle } from '../preview/render-events.js';

/** A command made ready to run contained, or why it cannot be. */
export type Contained =
  | { ok: true; wrapper: string[]; mechanism: string; degraded: string[]; profile: SandboxProfile; guard: string[] }
  | { ok: false; reason: string };

/** The command explained from this machine: colour spans and each part's lines. */
export interface Grounding {
  spans?: Span[];
  parts: PartView[];
}

/** Everything the flow uses. */
export interface FlowDeps {
  planner(): Promise<Planner>;
  /** nl-sh's risk gate, with this machine's filesystem and tool facts for `cwd`, and the tool context that mattered. */
  judge(command: string, cwd: string): Promise<{ assessment: Assessment; toolContext: string[]; execution: Execution }>;
  /** The user's policy as it is now (re-read when the file changes); if this throws, the flow uses the most restrictive policy. */
  policy(): Promise<{ policy: Readonly<Policy>; warning?: string }>;
  /** Append an approval to the policy file; returns the file's path. Throws when it cannot. */
  remember(approval: Approval): string;
  ground(command: string, modelParts: readonly PlanPart[]): Promise<Grounding>;
  /** Dry-run `command`; aborting `signal` kills it at once. */
  dryRun(command: string, cwd: string, signal?: AbortSignal, definitions?: string): Promise<DryRunView>;
  /** Whether dry runs can work on this machine (overlayfs in a user namespace). */
  canDryRun(): boolean;
  /** Prepare the sandbox for `command` in `cwd` with the profile its verdict calls for (network only when the user asked). */
  contain(command: string, cwd: string, how: { profile: ProfileKind; network: boolean }): Promise<Contained>;
  /** Append to nl-sh's history of requests (and the audit log). */
  record(entry: Omit<HistoryEntry, 'at' | 'session'>): void;
  /** The newest earlier answer to this exact request in this directory that ran and succeeded. */
  earlierAnswer(line: string, cwd: string): HistoryEntry | undefined;
  /** The last finished command, compared by identity: a `?` conversation ends when it changes. */
  lastCommand(): object | undefined;
  style: RenderStyle;
  /** The user configured model tiers: when none can answer, say why, not how to set one up. */
  modelsConfigured: boolean;
  /** The user's home, shown as ~. */
  home: string;
  now(): number;
}
