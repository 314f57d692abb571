// After the sandbox stopped a command, the next profile that could let it do what it tried, and
// the menu that asks for it. Pure. Only two steps exist: a read-only run that tried to write may
// go to the writes profile (the cwd writable), and a run cut off from the network may get it.
// A protected path never becomes writable, and nothing escalates without the user's key.

import type { ProfileKind, SandboxProfile } from '../sandbox/index.js';
import type { ChoiceMenu } from '../preview/choices.js';

/** A command the sandbox stopped, and the profile offered for it next. */
export interface Escalation {
  command: string;
  cwd: string;
  profile: ProfileKind;
  network: boolean;
  /** The next profile, in words ("the cwd writable", "with the network"). */
  what: string;
}

/** The next profile after `denial` (explainDenial's line) under `profile`, or undefined. */
export function nextProfile(profile: SandboxProfile, denial: string, command: string, cwd: string): Escalation | undefined {
  if (/"protected path"/.test(denial)) return undefined;
  if (profile.kind === 'read-only' && /"read-only root"/.test(denial)) return { command, cwd, profile: 'writes', network: false, what: `${cwd} writable` };
  if (!profile.network && /"no network"/.test(denial) && profile.kind !== 'process-control') return { command, cwd, profile: profile.kind, network: true, what: 'the network' };
  return undefined;
}

/** The menu for an escalation: r runs it again with the next profile; Enter cancels. */
export function escalationMenu(e: Escalation): ChoiceMenu {
  return { choices: [{ id: e.network ? 'run-network' : 'run', key: e.network ? 'w' : 'r', label: `run again with ${e.what} (sandboxed)` }, { id: 'cancel', key: 'n', label: 'cancel' }], defaultId: 'cancel' };
}
