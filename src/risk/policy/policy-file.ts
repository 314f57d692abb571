// Reading the user's policy file (TOML, one schema, documented in docs/risk-rules.md). A missing
// file means the defaults. A broken one (unreadable, bad TOML, wrong types, unknown keys or
// actions) falls back to the most restrictive policy and says so in one line that names the
// file, the key, what was expected and what was found.

import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { readFileSafeSync, type SafeRead } from '../../read-file.js';
import { isLevel, levels } from '../../level.js';
import { actions, defaultPolicy, mostRestrictivePolicy, type Action, type Approval, type Policy } from './policy.js';

/** A policy and, when the file was broken, the one line saying so. */
export interface LoadedPolicy {
  policy: Readonly<Policy>;
  warning: string | undefined;
}

/** File access for `loadPolicy` (injected so tests need no disk). */
export interface PolicyIo {
  /** The file's text, or why not (a FIFO, a device or an over-cap file is refused, never read). */
  readFile(path: string): SafeRead<string>;
  parseToml(text: string): Record<string, unknown>;
}

const uncertainKeys = ['unknown', 'dynamic', 'unparsable'] as const;
const askingLevels = new Set(['network_exec', 'destructive', 'privileged']);
/** What a broken policy falls back to, in the words every such warning ends with. */
export const fallbackNote = 'using the most restrictive policy (everything asks; all but read-only commands need typed confirmation)';

class PolicyProblem extends Error {
  constructor(
    readonly key: string,
    readonly expected: string,
    readonly found: string,
  ) {
    super(`${key}: expected ${expected}, found ${found}`);
  }
}

/** Load the policy at `path` (undefined: the defaults). Never throws. */
export function loadPolicy(path: string | undefined, io: PolicyIo): LoadedPolicy {
  if (path === undefined) return { policy: defaultPolicy, warning: undefined };
  const read = io.readFile(path);
  if (!read.ok && read.problem === 'missing') return { policy: defaultPolicy, warning: undefined };
  if (!read.ok) return { policy: mostRestrictivePolicy, warning: `nl-sh: policy ${read.message}; ${fallbackNote}` };
  return parsePolicy(read.value, path, io.parseToml);
}

/** Parse policy text; `path` is only used in the warning. Never throws. */
export function parsePolicy(text: string, path: string, parseToml: PolicyIo['parseToml']): LoadedPolicy {
  let data: Record<string, unknown>;
  try {
    data = parseToml(text);
  } catch (err) {
    const first = String((err as Error).message ?? err).split('\n')[0] ?? '';
    return broken(path, new PolicyProblem('(syntax)', 'valid TOML', JSON.stringify(first)));
  }
  try {
    return { policy: readPolicy(data), warning: undefined };
  } catch (err) {
    if (err instanceof PolicyProblem) return broken(path, err);
    throw err;
  }
}

// A policy past this is refused (the most restrictive policy), never cut: a cut policy means less.
const maxPolicyBytes = 1024 * 1024;

/** Policy file access through the safe reader and a given TOML parser. */
export function nodePolicyIo(parseToml: PolicyIo['parseToml']): PolicyIo {
  return { readFile: (path) => readFileSafeSync(path, { maxBytes: maxPolicyBytes }), parseToml };
}

/** Load the policy at `path` from disk, loading the TOML parser on first use. Never throws. */
export async function readPolicyFile(path: string | undefined): Promise<LoadedPolicy> {
  if (path === undefined) return { policy: defaultPolicy, warning: undefined };
  const { parse } = await import('smol-toml');
  return loadPolicy(path, nodePolicyIo((text) => parse(text) as Record<string, unknown>));
}

/** Remember an approval by appending it to the policy file (created if missing). */
export function rememberApproval(path: string, approval: Approval): void {
  mkdirSync(dirname(path), { recursive: true });
  appendFileSync(path, formatApprovalToml(approval));
}

/** The TOML lines that remember an approval (append them to the policy file). */
export function formatApprovalToml(approval: Approval): string {
  const scope = approval.cwd !== undefined ? `cwd = ${JSON.stringify(approval.cwd)}\n` : '';
  return `\n[[approve]]\ncommand = ${JSON.stringify(approval.command)}\nmatch = "${approval.match}"\n${scope}`;
}

function broken(path: string, problem: PolicyProblem): LoadedPolicy {
  return { policy: mostRestrictivePolicy, warning: `nl-sh: policy ${path}: ${problem.message}; ${fallbackNote}` };
}

function readPolicy(data: Record<string, unknown>): Policy {
  for (const key of Object.keys(data)) if (key !== 'actions' && key !== 'approve' && key !== 'allow_unsandboxed') throw new PolicyProblem(key, 'only the keys "actions", "approve" and "allow_unsandboxed"', 'an unknown key');
  const policy: Policy = { ...defaultPolicy, levels: { ...defaultPolicy.levels }, approvals: [] };
  const table = data.actions;
  if (table !== undefined) {
    if (!isTable(table)) throw new PolicyProblem('actions', 'a table', describe(table));
    const levelMap = policy.levels as Record<string, Action>;
    for (const [key, value] of Object.entries(table)) {
      const path = `actions.${key}`;
      const isUncertain = (uncertainKeys as readonly string[]).includes(key);
      if (!isLevel(key) && !isUncertain) throw new PolicyProblem(path, `a level (${levels.join(', ')}) or ${uncertainKeys.join(', ')}`, 'an unknown key');
      const allowed = isUncertain || askingLevels.has(key) ? actions.filter((a) => a !== 'run') : actions;
      if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) throw new PolicyProblem(path, `one of ${allowed.map((a) => `"${a}"`).join(', ')}`, describe(value));
      if (isUncertain) policy[key as (typeof uncertainKeys)[number]] = value as Action;
      else levelMap[key] = value as Action;
    }
  }
  if (data.allow_unsandboxed !== undefined) {
    if (typeof data.allow_unsandboxed !== 'boolean') throw new PolicyProblem('allow_unsandboxed', 'true or false', describe(data.allow_unsandboxed));
    policy.allowUnsandboxed = data.allow_unsandboxed;
  }
  const approve = data.approve;
  if (approve !== undefined) {
    if (!Array.isArray(approve)) throw new PolicyProblem('approve', 'a list of [[approve]] tables', describe(approve));
    policy.approvals = approve.map((entry: unknown, i) => readApproval(entry, `approve[${i}]`));
  }
  return policy;
}

function readApproval(entry: unknown, path: string): Approval {
  if (!isTable(entry)) throw new PolicyProblem(path, 'a table with command and match', describe(entry));
  for (const key of Object.keys(entry)) if (key !== 'command' && key !== 'match' && key !== 'cwd') throw new PolicyProblem(`${path}.${key}`, 'only command, match and cwd', 'an unknown key');
  if (typeof entry.command !== 'string' || entry.command.trim() === '') throw new PolicyProblem(`${path}.command`, 'a non-empty command', describe(entry.command));
  const match = entry.match ?? 'exact';
  if (match !== 'exact' && match !== 'prefix') throw new PolicyProblem(`${path}.match`, '"exact" or "prefix"', describe(match));
  if (entry.cwd !== undefined && (typeof entry.cwd !== 'string' || !entry.cwd.startsWith('/'))) throw new PolicyProblem(`${path}.cwd`, 'an absolute directory', describe(entry.cwd));
  return { command: entry.command.trim(), match, ...(entry.cwd !== undefined ? { cwd: entry.cwd as string } : {}) };
}

function isTable(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (isTable(value)) return 'a table';
  return JSON.stringify(value) ?? String(value);
}
