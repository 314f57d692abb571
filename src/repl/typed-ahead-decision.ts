// What happens to keys typed ahead of a decision (after the line's Enter, before nl-sh owned the
// terminal) that the decider did not take. Pure. They reach bash as if typed after the decision,
// as bash itself would read them, except when that would surprise: a decision that leaves a line
// in the buffer (edit, cancel) would get them glued on, and their Enter would submit the glued
// line (unless they start with Ctrl-U, which clears that line first: then nothing glues); Ctrl-C
// or Ctrl-D would cancel the decided line or end the shell. Those are dropped, and one line says
// how many lines (or keys) were dropped.

import { messages } from '../messages.js';
import type { LineDecision } from './line-decision.js';

/** The decision to apply (with the note when keys were dropped) and the bytes to give bash after it. */
export interface SettledTypedAhead {
  decision: LineDecision;
  giveBack: Buffer;
}

const signalKeys = /[\x03\x04\x1a\x1c]/;

/** Settle `rest` (the keys typed ahead) against `decision`. */
export function settleTypedAhead(decision: LineDecision, rest: Buffer): SettledTypedAhead {
  if (rest.length === 0) return { decision, giveBack: rest };
  const text = rest.toString('utf8');
  const glues = decision.verb === 'edit' && !text.startsWith('\x15');
  if (!glues && !signalKeys.test(text)) return { decision, giveBack: rest };
  const note = droppedNote(text);
  return { decision: { ...decision, notice: decision.notice ? `${decision.notice}\r\n${note}` : note }, giveBack: Buffer.alloc(0) };
}

/** The one line that says what was dropped. */
export function droppedNote(text: string): string {
  const lines = text.split(/\r\n?|\n/).length - 1;
  return messages.droppedTypedAhead(lines, [...text].length);
}
