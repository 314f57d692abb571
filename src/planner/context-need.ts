// What context a cloud tier needs for a request: bash history only when the request refers to
// earlier work, the last command's output only for `?` questions. Pure. Unsure means "not
// needed": a missing line costs a vaguer answer, a sent line can cost a secret.

import type { PlannerContext } from './context.js';

/** The `cloud_history` setting: never send history lines, or only when the request refers to earlier work. */
export type CloudHistory = 'never' | 'when-referenced';

/** A request for a command ('plan') or a `?` question ('ask'). */
export type RequestKind = 'plan' | 'ask';

// Phrasings that point at something the user did before in this shell. Words that often mean
// something else ("last 10 lines", "git history", "repeat each line") need a phrase around them.
const EARLIER_WORK: readonly RegExp[] = [
  /\bagain\b/,
  /\b(?:redo|re-do|undo|un-do|rerun|re-run|re-execute)\b/,
  /\brepeat (?:that|it|this|what|my|the (?:last|previous|same))\b/,
  /\b(?:last|previous|prior|preceding|earlier|former) (?:command|commands|one|thing|step|steps|line|run|time|invocation|attempt|try)\b/,
  /\b(?:that|this|the same|same) (?:command|commands|line|invocation)\b/,
  /\b(?:i|we) (?:just |already |previously |earlier |recently )?(?:ran|typed|executed|tried|did|used|entered)\b/,
  /\b(?:i|we)(?:'ve| have) (?:just |already |previously |recently )?(?:run|done|typed|executed|tried|used)\b/,
  /\bwhat did (?:i|we) (?:just )?(?:run|do|type|try)\b/,
  /\b(?:i|we) just\b/,
  /\b(?:my|bash|shell|command|terminal|recent) history\b/,
  /\b(?:as|like) (?:before|earlier|last time|previously)\b/,
  /\bsame (?:as before|but|again|thing)\b/,
  /\bfix (?:that|it|this|the (?:last|previous) )/,
  /\b(?:it|that) (?:failed|broke|didn't work|did not work)\b/,
  /\bpreviously\b/,
];

/** Whether the request's words refer to earlier work in this shell ("again", "the last command", "what I ran"). */
export function refersToEarlierWork(request: string): boolean {
  const words = request.toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' ');
  return EARLIER_WORK.some((re) => re.test(words));
}

/** What a cloud tier gets of `ctx` for a request worded as `wording` (the request and the user's earlier turns). */
export function contextForCloud(ctx: PlannerContext, need: { wording: readonly string[]; kind: RequestKind; cloudHistory: CloudHistory }): PlannerContext {
  const referenced = need.cloudHistory === 'when-referenced' && need.wording.some(refersToEarlierWork);
  const { history, lastCommand, ...rest } = ctx;
  const out: PlannerContext = { ...rest, omitted: [...ctx.omitted] };
  if (referenced && history) out.history = history;
  // A `?` question is about the last command and its output; a request gets the line alone, and only when it refers to it.
  if (lastCommand && need.kind === 'ask') out.lastCommand = lastCommand;
  else if (lastCommand && referenced) out.lastCommand = { ...lastCommand, outputTail: '' };
  return out;
}
