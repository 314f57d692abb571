// The audit trail: every event of a request (route, plan, risk, decision, run, exit) as a JSON
// line in the state directory, and, when asked for, in the system journal through logger(1).

import { runBounded } from '../run-bounded.js';
import { appendJsonLine } from './jsonl-append.js';

/** One audited event. */
export interface AuditEvent {
  kind: 'request' | 'plan' | 'risk' | 'decision' | 'run' | 'exit';
  [field: string]: unknown;
}

/** Where audit events go. */
export interface AuditLog {
  write(event: AuditEvent): void;
}

/** An audit log at `path`; with `journal`, each event is also sent to logger(1) (if present). */
export function createAuditLog(path: string, opts: { journal: boolean; session: number; onError?: (err: unknown) => void }): AuditLog {
  return {
    write(event) {
      const line = { at: new Date().toISOString(), session: opts.session, ...event };
      appendJsonLine(path, line, opts.onError);
      if (opts.journal) {
        // Not awaited: a missing or stuck logger costs nothing but its own (bounded) run.
        void runBounded(['logger', '--tag', 'nl-sh', '--', JSON.stringify(line)], { timeoutMs: 5000, maxBytes: 4096 });
      }
    },
  };
}
