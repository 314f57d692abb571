// The only two things a plugin can ask of the host: run a vetted read-only argv (no shell, with
// a timeout and an output cap) and read a file under the call's cwd (no absolute paths, no `..`,
// no symlink out, capped). Both live in the host process; the isolate only sees their results.

import { realpath } from 'node:fs/promises';
import { isAbsolute, resolve, sep } from 'node:path';
import { readFileSafe } from '../../read-file.js';
import { runBounded } from '../../run-bounded.js';
import { isGit, runGit } from '../../run-git.js';
import type { PluginRunner } from './plugin-contract.js';

type ArgPattern = string | RegExp;

const readOnlyArgv: readonly (readonly ArgPattern[])[] = [
  ['git', 'rev-parse', '--abbrev-ref', 'HEAD'],
  ['git', 'rev-parse', '--show-toplevel'],
  ['git', 'rev-parse', '--is-inside-work-tree'],
  ['git', 'branch', '--show-current'],
  ['git', 'status', /^--porcelain(=v[12])?$/],
  ['git', 'status', '--short', '--branch'],
  ['git', 'remote', '-v'],
  ['git', 'stash', 'list'],
  ['git', 'describe', '--tags', '--always'],
  ['git', 'config', '--get', /^[A-Za-z0-9][A-Za-z0-9.-]{0,100}$/],
  ['git', 'log', '-n', /^[0-9]{1,3}$/, /^--format=[^\n]{0,100}$/],
  ['kubectl', 'config', 'current-context'],
  ['kubectl', 'config', 'get-contexts', '-o', 'name'],
  ['docker', 'context', 'show'],
  ['aws', 'configure', 'get', 'region'],
  ['aws', 'configure', 'list-profiles'],
];

/** The default policy for `run`: only a small list of read-only argv shapes (git, kubectl, docker, aws). */
export function defaultRunAllowed(argv: readonly string[]): boolean {
  return readOnlyArgv.some((shape) => shape.length === argv.length && shape.every((p, i) => (typeof p === 'string' ? p === argv[i] : p.test(argv[i] ?? ''))));
}

/** The default runner: no shell; git hardened (src/run-git.ts); stdout capped at maxBytes (the rest dropped); killed at timeoutMs (status -1). */
export const defaultRunner: PluginRunner = async (argv, opts) => {
  const limits = { cwd: opts.cwd, timeoutMs: opts.timeoutMs, maxBytes: opts.maxBytes, onCap: 'discard' as const };
  const r = isGit(argv[0]) ? await runGit(argv.slice(1), { ...limits, env: process.env }) : await runBounded(argv, { ...limits, env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' } });
  return { status: r.timedOut || r.status === null ? -1 : r.status, stdout: r.timedOut ? '' : r.stdout };
};

/** Why a relative path is refused before touching the filesystem, or undefined when it may be tried. */
export function refusePath(rel: unknown): string | undefined {
  if (typeof rel !== 'string' || rel === '') return 'the path must be a non-empty string';
  if (rel.length > 1024 || rel.includes('\0')) return 'the path is too long or has a NUL';
  if (isAbsolute(rel)) return 'absolute paths are not allowed; give a path relative to the working directory';
  if (rel.split(/[\\/]/).includes('..')) return "'..' is not allowed";
  return undefined;
}

/**
 * Read `rel` under `cwd`, at most maxBytes: null when it does not exist; throws (into the plugin)
 * when the path is refused, leads out of cwd through a symlink, or is not a regular file.
 */
export async function readUnder(cwd: string, rel: unknown, maxBytes: number): Promise<string | null> {
  const refused = refusePath(rel);
  if (refused !== undefined) throw new Error(`readFile refused ${JSON.stringify(String(rel).slice(0, 100))}: ${refused}`);
  const root = await realpath(cwd);
  let target: string;
  try {
    target = await realpath(resolve(root, rel as string));
  } catch {
    return null;
  }
  if (target !== root && !target.startsWith(root.endsWith(sep) ? root : root + sep)) throw new Error(`readFile refused ${JSON.stringify(rel)}: it leads outside the working directory`);
  // The resolved path, not followed again (a swap to a symlink is refused); a FIFO under cwd
  // must not hang the host. The first maxBytes of a larger file, as before.
  const read = await readFileSafe(target, { maxBytes, overCap: 'head', noFollow: true });
  if (read.ok) return read.value;
  if (read.problem === 'missing') return null;
  throw new Error(`readFile refused ${JSON.stringify(rel)}: ${read.problem === 'not-a-file' ? 'not a regular file' : read.message}`);
}
