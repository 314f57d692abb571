// The one way nl-sh runs git (context gathering, plugins' vetted argv, `git --help`): list the
// repository's driver names, then run the command hardened by git-command.ts through the
// bounded runner. When the drivers cannot be listed or overridden, git is not run at all.

import { basename } from 'node:path';
import { hardenGitCommand, gitDriverOverrides, listConfigNamesArgs } from './git-command.js';
import { runBounded, type BoundedRun, type BoundedRunOptions } from './run-bounded.js';

/** Where and how long git runs; `env` is the user's environment (git-command.ts cleans it). */
export interface GitRunOptions extends Omit<BoundedRunOptions, 'env'> {
  env: Readonly<Record<string, string | undefined>>;
}

const notRun: BoundedRun = { status: null, stdout: '', stderr: '', timedOut: false, capped: false };
const maxConfigNamesBytes = 256 * 1024;

/** Whether a program name or path is git (`git`, `/usr/bin/git`): such an argv goes to runGit. */
export const isGit = (program: string | undefined): boolean => program !== undefined && basename(program) === 'git';

/** Run `git <args>` hardened, within the limits (one deadline for both steps); never throws. */
export async function runGit(args: readonly string[], opts: GitRunOptions): Promise<BoundedRun> {
  const deadline = performance.now() + opts.timeoutMs;
  const { env, ...limits } = opts;
  const list = hardenGitCommand(listConfigNamesArgs, env);
  const names = await runBounded(list.argv, { ...limits, env: list.env, maxBytes: maxConfigNamesBytes, onCap: 'kill' });
  // Exit 0 with nothing listed is fine; anything else (a timeout, a cap, a broken config) is not.
  const drivers = names.status === 0 && !names.capped ? gitDriverOverrides(names.stdout) : undefined;
  if (drivers === undefined) return { ...notRun, timedOut: names.timedOut };
  const command = hardenGitCommand(args, env, drivers);
  return runBounded(command.argv, { ...limits, env: command.env, timeoutMs: Math.floor(deadline - performance.now()) });
}
