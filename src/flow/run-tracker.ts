// An approved command is recorded when it ends, with its exit status and duration. If it ran in
// the sandbox and failed in a way the sandbox explains (a read-only path, no network), the line
// naming the rule is shown before the next prompt.

import type { HistoryEntry } from '../repl/request-history.js';
import { explainDenial, type SandboxProfile } from '../sandbox/index.js';
import { renderEvent } from '../preview/render-events.js';
import type { FlowDeps } from './flow-deps.js';

type Entry = Omit<HistoryEntry, 'at' | 'session'>;

/** Tracks the one command the flow handed to bash. */
export interface RunTracker {
  start(entry: Entry & { command: string }, profile: SandboxProfile | undefined): void;
  /** The command bash just finished; the denial line to show, if any. */
  done(done: { line: string | undefined; status: number; output: Buffer }): string | undefined;
}

// Colour and cursor sequences out, so the sandbox's error text can be matched.
const controls = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b.|\r/g;

/** A tracker recording through `deps.record`. */
export function createRunTracker(deps: Pick<FlowDeps, 'record' | 'now' | 'style'>): RunTracker {
  let pending: { entry: Entry & { command: string }; profile: SandboxProfile | undefined; started: number } | undefined;
  return {
    start(entry, profile) {
      pending = { entry, profile, started: deps.now() };
    },
    done(done) {
      const run = pending;
      if (!run || done.line !== run.entry.command) return undefined;
      pending = undefined;
      const durationMs = Math.round(deps.now() - run.started);
      deps.record({ ...run.entry, exitStatus: done.status, durationMs });
      if (!run.profile || done.status === 0) return undefined;
      const denial = explainDenial(run.profile, done.status, done.output.toString('utf8').replace(controls, ''));
      return denial ? renderEvent({ kind: 'exit', status: done.status, durationMs, denial }, deps.style) : undefined;
    },
  };
}
