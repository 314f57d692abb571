// Small pure decisions of the flow: what "always allow" remembers, and why a user might need to
// run a command without the sandbox.

import type { SandboxProfile } from '../sandbox/index.js';
import type { Approval, Assessment } from '../risk/index.js';

const subcommandWord = /^[a-z][a-z0-9-]*$/;

/**
 * The approval "always allow here" stores for a plain command, or undefined when it cannot be
 * remembered. Read-only commands are remembered by program and subcommand (`git status -s` →
 * prefix `git status`); commands that write are remembered exactly, so approving `touch a`
 * never approves `touch ~/.profile`. Both hold only in `cwd` and below.
 */
export function approvalFor(assessment: Assessment, cwd: string): Approval | undefined {
  const words = assessment.plainWords;
  if (!words?.length || assessment.dynamic || assessment.unparsable || assessment.unknown) return undefined;
  if (assessment.level === 'writes') return { command: words.map(quoteWord).join(' '), match: 'exact', cwd };
  if (assessment.level !== 'read_only') return undefined;
  const second = words[1];
  const prefix = second !== undefined && subcommandWord.test(second) ? [words[0] as string, second] : [words[0] as string];
  return { command: prefix.map(quoteWord).join(' '), match: 'prefix', cwd };
}

// Approvals are split on spaces, with double quotes grouping and backslash escaping inside them
// (policy.ts splitWords), so every word comes back exactly as it was.
function quoteWord(word: string): string {
  return /^[^\s'"]+$/.test(word) ? word : `"${word.replace(/["\\]/g, '\\$&')}"`;
}

/** `path` with `home` shown as ~. */
export function tildePath(path: string, home: string | undefined): string {
  return home && (path === home || path.startsWith(`${home}/`)) ? `~${path.slice(home.length)}` : path;
}

/** One line on what the sandbox stops, so the user knows when running without it is needed (`home` shown as ~). */
export function unsandboxedReason(assessment: Assessment, profile: SandboxProfile, home?: string): string {
  if (assessment.level === 'privileged') return 'sudo and other privilege changes cannot work inside the sandbox';
  const tilde = (p: string): string => tildePath(p, home);
  const network = profile.network ? '' : ', no network';
  if (profile.writable.length === 0) return `the sandbox lets this command write nothing (${profile.kind}${network}); run without it only if the command must do more`;
  return `the sandbox allows writing only in ${profile.writable.map(tilde).join(', ')} (private /tmp${network}); run without it only if the command must do more`;
}
