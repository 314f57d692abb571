// What the natural-language flow tells the user, as data: one discriminated union, rendered
// elsewhere (render-events.ts), so the flow never prints and tests can read what it said.

import type { Action, Level, Reason } from '../risk/index.js';
import type { ChoiceMenu } from './choices.js';
import type { PreviewFold } from './fold.js';
import type { Span } from './highlight.js';

/** One line explaining a part of the command, and whose words it is. */
export interface PartLine {
  /** The flag or word explained (`-S`), or '' for the part as a whole. */
  subject: string;
  text: string;
  /** `help`: the installed program's own --help; `rules`: nl-sh's risk rules; `model`: the model's words. */
  source: 'help' | 'rules' | 'model';
  /** For `help`: the program whose help it is. */
  program?: string;
}

/** One simple command of the line and what each of its pieces does. */
export interface PartView {
  text: string;
  lines: PartLine[];
}

/** The dry run as the preview shows it. */
export type DryRunView =
  | { available: true; exitStatus: number | undefined; timedOut: boolean; capped: boolean; networkSuspected: boolean; summary: string[]; detail: string[]; changed: number }
  | { available: false; reason: string };

/** Where the plan came from. */
export interface PlanSource {
  kind: 'model' | 'cache' | 'history';
  tier?: string;
  model?: string;
  latencyMs?: number;
  costUsd?: number;
  lowConfidence?: boolean;
  /** For history: when the earlier answer was given (ms since the epoch). */
  at?: number;
}

/** Everything the preview shows for one plan. */
export interface Preview {
  command: string;
  /** Colour spans over `command` (absent: shown plain). */
  spans?: Span[];
  /** The model's one-line summary. */
  summary: string;
  parts: PartView[];
  assumptions: string[];
  risk: { level: Level; action: Action; why: string; reasons: Reason[] };
  /** The tool context that mattered for this command (`kube context: prod-eu`). */
  toolContext?: string[];
  dryRun?: DryRunView;
  source: PlanSource;
}

/** Everything the flow reports, in order. */
export type FlowEvent =
  | { kind: 'planning'; tier?: string; question: boolean; frame?: string }
  | { kind: 'preview'; preview: Preview; fold?: PreviewFold } // absent: the whole preview
  | { kind: 'choices'; menu: ChoiceMenu }
  | { kind: 'dry-running' }
  | { kind: 'dry-run'; view: DryRunView }
  | { kind: 'answer-start'; label: string }
  | { kind: 'answer-text'; text: string }
  | { kind: 'answer-end' }
  | { kind: 'confirm-typed'; word: string; why: string }
  | { kind: 'prompt'; label: string }
  | { kind: 'copied'; text: string }
  | { kind: 'remembered'; rule: string; file: string }
  | { kind: 'run'; command: string; sandbox: string; degraded: string[] }
  | { kind: 'exit'; status: number; durationMs: number; denial?: string } // a contained command ended
  | { kind: 'denied'; why: string }
  | { kind: 'hint'; text: string }
  | { kind: 'status-clear' }
  | { kind: 'cancelled' }
  | { kind: 'error'; message: string };

/** Where events go (the terminal lease in a session, an array in tests). */
export type EmitEvent = (event: FlowEvent) => void;
