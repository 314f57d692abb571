// The policy: data that maps what the classifier found to what nl-sh does, and the pure
// decision. Levels map to actions; anything unknown, dynamic or unparsable is at least
// "confirm"; remembered approvals can turn "confirm" into "run" for read-only and writes
// commands only, never for network_exec, destructive or privileged ones.

import type { Assessment } from '../assessment.js';
import type { Level } from '../../level.js';

/** What nl-sh does with a command. */
export type Action = 'run' | 'confirm' | 'confirm-typed' | 'deny';

/** Every action, least strict first. */
export const actions: readonly Action[] = Object.freeze(['run', 'confirm', 'confirm-typed', 'deny']);

/** A remembered approval: an exact command line, or every command whose words start with these. */
export interface Approval {
  command: string;
  match: 'exact' | 'prefix';
  /** Only in this directory and below (absent: everywhere). */
  cwd?: string;
}

/** The effective policy. */
export interface Policy {
  /** The action for each level. */
  levels: Readonly<Record<Level, Action>>;
  /** Floors for uncertainty; never below "confirm". */
  unknown: Action;
  dynamic: Action;
  unparsable: Action;
  approvals: readonly Approval[];
  /** Whether the user may choose to run a command without the sandbox. */
  allowUnsandboxed: boolean;
}

/** The defaults when no policy file says otherwise. */
export const defaultPolicy: Readonly<Policy> = Object.freeze({
  levels: Object.freeze({ read_only: 'run', writes: 'confirm', network_exec: 'confirm-typed', destructive: 'confirm-typed', privileged: 'confirm-typed' }),
  unknown: 'confirm',
  dynamic: 'confirm',
  unparsable: 'confirm',
  approvals: Object.freeze([]),
  allowUnsandboxed: true,
} satisfies Policy);

/** The policy used when the policy file is broken: everything asks, and all but read-only need typing. */
export const mostRestrictivePolicy: Readonly<Policy> = Object.freeze({
  levels: Object.freeze({ read_only: 'confirm', writes: 'confirm-typed', network_exec: 'confirm-typed', destructive: 'confirm-typed', privileged: 'confirm-typed' }),
  unknown: 'confirm-typed',
  dynamic: 'confirm-typed',
  unparsable: 'confirm-typed',
  approvals: Object.freeze([]),
  allowUnsandboxed: false,
} satisfies Policy);

/** An action and the words that explain it. */
export interface Decision {
  action: Action;
  why: string;
}

/** The stricter of two actions. */
export function stricterAction(a: Action, b: Action): Action {
  return actions.indexOf(a) >= actions.indexOf(b) ? a : b;
}

/** Decide what to do with a classified command run in `cwd` (absent: directory-scoped approvals never apply). Pure. */
export function decideAction(assessment: Assessment, policy: Policy, cwd?: string): Decision {
  let action = policy.levels[assessment.level];
  const why = [`${assessment.level} → ${action}`];
  const floor = (flag: boolean, name: 'unknown' | 'dynamic' | 'unparsable') => {
    if (!flag) return;
    const at = stricterAction(policy[name], 'confirm');
    if (stricterAction(action, at) !== action) {
      action = at;
      why.push(`${name} → at least ${at}`);
    }
  };
  floor(assessment.unparsable, 'unparsable');
  floor(assessment.dynamic, 'dynamic');
  floor(assessment.unknown, 'unknown');
  const approvable = action === 'confirm' && (assessment.level === 'read_only' || assessment.level === 'writes') && !assessment.dynamic && !assessment.unparsable;
  if (approvable && assessment.plainWords) {
    const approval = policy.approvals.find((a) => matchesApproval(a, assessment.plainWords as string[]) && appliesIn(a, cwd));
    if (approval) return { action: 'run', why: `remembered approval (${approval.match}): ${approval.command}` };
  }
  return { action, why: why.join('; ') };
}

/** Whether an approval holds in `cwd`: unscoped ones everywhere, scoped ones in their directory and below. */
export function appliesIn(approval: Approval, cwd: string | undefined): boolean {
  if (approval.cwd === undefined) return true;
  if (cwd === undefined) return false;
  const dir = approval.cwd.replace(/\/+$/, '') || '/';
  return cwd === dir || cwd.startsWith(dir === '/' ? '/' : `${dir}/`);
}

/** Whether a plain command's words match an approval. */
export function matchesApproval(approval: Approval, words: readonly string[]): boolean {
  const wanted = splitWords(approval.command);
  if (wanted.length === 0) return false;
  if (approval.match === 'exact' && wanted.length !== words.length) return false;
  if (wanted.length > words.length) return false;
  return wanted.every((w, i) => w === words[i]);
}

/** Split an approval's command into words: spaces separate, single or double quotes group. */
export function splitWords(command: string): string[] {
  const words: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g;
  for (const m of command.matchAll(re)) words.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : (m[2] ?? m[3] ?? ''));
  return words;
}
