// What the user may do with a previewed command, one key each: a pure function of the gate's
// decision and what this machine can do. The default (Enter) is "run" only when the policy says
// the command runs without asking and the model was confident; for anything else it is "cancel". A denied command offers
// no way to run it.

import type { Action } from '../risk/index.js';

/** Everything a user can choose at the preview. */
export type ChoiceId = 'run' | 'run-network' | 'run-unsandboxed' | 'always' | 'edit' | 'revise' | 'explain' | 'dry-run' | 'copy' | 'ask-again' | 'details' | 'cancel';

/** One offered choice: the key that picks it and its label. */
export interface Choice {
  id: ChoiceId;
  key: string;
  label: string;
}

/** The facts the choices depend on. */
export interface ChoiceFacts {
  action: Action;
  /** The contained run can happen here (bwrap usable). */
  sandboxAvailable: boolean;
  /** The policy allows running without the sandbox. */
  unsandboxedAllowed: boolean;
  /** The command could be remembered as approved (a plain read-only or writes command). */
  approvable: boolean;
  dryRunPossible: boolean;
  dryRunShown: boolean;
  /** The plan came from the cache or from history, so asking the model again means something. */
  reused: boolean;
  /** The command changes the shell itself, so it runs in the user's bash, not in a sandbox. */
  inShell?: boolean;
  /** Such a command may run on Enter when the policy says run (a plain change of directory). */
  shellOnEnter?: boolean;
  /** A sandboxed run with the network can be offered (the w key). */
  networkOffered?: boolean;
  /** The plan is below the tier's confidence threshold: it runs only on its key, never on Enter. */
  lowConfidence?: boolean;
  /** The preview on screen was folded to fit the terminal: a key shows the details. */
  detailsFolded?: boolean;
}

/** The offered choices and the one Enter picks. */
export interface ChoiceMenu {
  choices: Choice[];
  defaultId: ChoiceId;
}

/** The menu for these facts. Pure. */
export function choicesFor(f: ChoiceFacts): ChoiceMenu {
  const choices: Choice[] = [];
  const runnable = f.action !== 'deny';
  const canRun = runnable && (f.inShell || f.sandboxAvailable || f.unsandboxedAllowed);
  if (canRun) choices.push({ id: 'run', key: 'r', label: f.inShell ? 'run in your shell' : f.sandboxAvailable ? 'run (sandboxed)' : 'run (no sandbox here)' });
  if (canRun && f.networkOffered && f.sandboxAvailable) choices.push({ id: 'run-network', key: 'w', label: 'run with network (sandboxed)' });
  if (runnable && !f.inShell && f.sandboxAvailable && f.unsandboxedAllowed) choices.push({ id: 'run-unsandboxed', key: 'u', label: 'run without sandbox' });
  if (canRun && f.approvable && f.action === 'confirm') choices.push({ id: 'always', key: 'a', label: 'always allow here' });
  choices.push({ id: 'edit', key: 'e', label: 'edit' }, { id: 'revise', key: 'v', label: 'revise' }, { id: 'explain', key: 'x', label: 'explain more' });
  if (f.dryRunPossible && !f.dryRunShown && runnable) choices.push({ id: 'dry-run', key: 'd', label: 'dry run' });
  choices.push({ id: 'copy', key: 'c', label: 'copy' });
  if (f.detailsFolded) choices.push({ id: 'details', key: 'i', label: 'details' });
  if (f.reused) choices.push({ id: 'ask-again', key: 'g', label: 'ask the model again' });
  choices.push({ id: 'cancel', key: 'n', label: 'cancel' });
  const defaultId: ChoiceId = f.action === 'run' && canRun && !f.lowConfidence && (!f.inShell || f.shellOnEnter) ? 'run' : 'cancel';
  return { choices, defaultId };
}

/** What one keystroke (raw terminal bytes) picks from the menu, if anything. Pure. */
export function choiceForKey(menu: ChoiceMenu, data: string): ChoiceId | undefined {
  if (data === '\r' || data === '\n') return menu.defaultId;
  // Ctrl-C, Esc alone, Ctrl-D and q always cancel.
  if (data === '\x03' || data === '\x1b' || data === '\x04' || data === 'q') return 'cancel';
  if (data.length !== 1) return undefined;
  const key = data.toLowerCase();
  return menu.choices.find((c) => c.key === key)?.id;
}
