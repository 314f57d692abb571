// When a sandboxed command fails, say in one line which sandbox rule blocked what, from its
// exit status and stderr text. Pure; undefined when the failure does not look like the sandbox.

import type { SandboxProfile } from './sandbox-types.js';
import { pathInError, visiblePath } from './error-path.js';

const networkErrors = /Network is unreachable|Temporary failure in name resolution|Could not resolve host|Name or service not known|No address associated with hostname|getaddrinfo (?:ENOTFOUND|EAI_AGAIN)|ENETUNREACH/;

/** One line naming the rule that blocked the command, or undefined. */
export function explainDenial(profile: SandboxProfile, exitStatus: number, stderr: string): string | undefined {
  if (exitStatus === 0) return undefined;
  const readOnly = pathInError(stderr, 'Read-only file system');
  if (readOnly !== undefined) return explainWrite(profile, readOnly);
  if (/Read-only file system/i.test(stderr)) return profile.writable.length ? `sandbox rule "read-only root": only ${listWritable(profile)} may be written` : readOnlyProfile;
  const deniedPath = pathInError(stderr, 'Permission denied');
  if (deniedPath !== undefined && protectedBy(profile, deniedPath) !== undefined) return explainWrite(profile, deniedPath);
  if (!profile.network && networkErrors.test(stderr)) return `sandbox rule "no network": network access is off for this command (profile ${profile.name})`;
  if (/\bmount\b.*(?:permission denied|Operation not permitted)/i.test(stderr)) return 'sandbox rule "no capabilities": the sandbox drops all capabilities, so mounts are refused';
  return undefined;
}

function explainWrite(profile: SandboxProfile, named: string): string {
  const rule = protectedBy(profile, named);
  const path = visiblePath(named);
  if (rule !== undefined) return `sandbox rule "protected path": ${rule} stays read-only (shell startup files, ~/.ssh, ~/.config, ~/.local, git's configuration and nl-sh's own files are never writable in the sandbox)`;
  if (!profile.writable.length) return `${readOnlyProfile} (it tried ${path})`;
  return `sandbox rule "read-only root": ${path} is outside the writable paths (${listWritable(profile)})`;
}

const readOnlyProfile = 'sandbox rule "read-only root": the command was judged read-only, so its sandbox writes nothing';

// Relative paths in messages cannot be resolved here; match them by suffix against the list.
function protectedBy(profile: SandboxProfile, path: string): string | undefined {
  const clean = path.replace(/\/+$/, '');
  // The most specific protected path that covers it (`.config/nl-sh` rather than `.config`).
  return [...profile.protect].sort((a, b) => b.length - a.length).find((p) => clean === p || clean.startsWith(`${p}/`) || (!clean.startsWith('/') && (p.endsWith(`/${clean}`) || profile.writable.some((w) => `${w}/${clean}` === p || `${w}/${clean}`.startsWith(`${p}/`)))));
}

function listWritable(profile: SandboxProfile): string {
  return profile.writable.length ? profile.writable.join(', ') : 'nothing';
}
