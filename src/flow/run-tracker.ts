// An approved command is recorded when it ends, with its exit status and duration. If it ran in
// the sandbox and failed in a way the sandbox explains (a read-only path, no network), the line
// naming the rule is shown before the next prompt.

import type { HistoryEntry } from '../repl/request-history.js';
import { explainDenial, type SandboxProfile } from '../sandbox/index.js';
import { renderEvent } from '../preview/render-events.js';
import type { FlowDeps } from './flow-deps.js';
import { nextProfile, type Escalation } from './escalation.js';

type Entry = Omit<HistoryEntry, 'at' | 'session'>;

/** Tracks the one command the flow handed to bash. */
export interface RunTracker {
  start(entry: Entry & { command: string }, profile: SandboxProfile | undefined): void;
  /** The command bash just finished; the denial line to show, if any. */
  done(done: { line: string | undefined; status: number; output: Buffer }): string | undefined;
  /** The next profile offered for the command the sandbox just stopped (taken once). */
  takeEscalation(): Escalation | undefined;
  /** Whether such an offer waits. */
  hasEscalation(): boolean;
}

// Colour and cursor sequences out, so the sandbox's error text can be matched.
const controls = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b.|\r/g;

/** A tracker recording through `deps.record`. */
export function createRunTracker(deps: Pick<FlowDeps, 'record' | 'now' | 'style'>): RunTracker {
  let pending: { entry: Entry & { command: string }; profile: SandboxProfile | undefined; started: number } | undefined;
  let escalation: Escalation | undefined;
  return {
    hasEscalation: () => escalation !== undefined,
    takeEscalation() {
      const e = escalation;
      escalation = undefined;
      return e;
    },
    start(entry, profile) {
      pending = { entry, profile, started: deps.now() };
    },
    done(done) {
      const run = pending;
      if (!run || done.line !== run.entry.command) return undefined;
      pending = undefined;
      escalation = undefined;
      const durationMs = Math.round(deps.now() - run.started);
      deps.record({ ...run.entry, exitStatus: done.status, durationMs });
      if (!run.profile || done.status === 0) return undefined;
      const denial = explainDenial(run.profile, done.status, done.output.toString('utf8').replace(controls, ''));
      if (!denial) return undefined;
      escalation = nextProfile(run.profile, denial, run.entry.command, run.entry.cwd);
      const offer = escalation ? `; press Enter on the empty line to run it again with ${escalation.what}` : '';
      return renderEvent({ kind: 'exit', status: done.status, durationMs, denial: `${denial}${offer}` }, deps.style);
    },
  };
}
