// Judging one command on one task: run it in its own fixture inside the sandbox, observe what the
// task checks (stdout, the tree, or both), and compare with what the reference did in another copy.

import { compareStdout, rewriteFixturePath } from './compare-stdout.js';
import { firstLine, makeFixture, removeTree } from './fixture.js';
import { runSandboxed } from './sandbox.js';
import { diffTrees, snapshotTree } from './tree.js';

/** Run `command` in a fixture already set up, and observe what the task checks. */
export async function observeRun(task, dir, command) {
  const run = await runSandboxed(dir, command);
  const observed = {
    stdout: rewriteFixturePath(run.stdout, dir).toString('utf8'),
    stderr: run.stderr,
    status: run.status,
    timedOut: run.timedOut,
    capped: run.capped,
  };
  if (task.check === 'files' || task.check === 'both') observed.tree = snapshotTree(dir, { modes: task.modes === true });
  return observed;
}

/** Whether the candidate's observation meets the task, given the reference's; `why` says what differed. */
export function judgeObservations(task, reference, candidate) {
  if (candidate.timedOut) return { pass: false, why: 'timed out after 10 s' };
  if (candidate.capped) return { pass: false, why: 'output over 1 MB' };
  const verdict = compareObservations(task, reference, candidate);
  if (verdict.pass || candidate.status === 0) return verdict;
  const said = firstLine(candidate.stderr);
  return { pass: false, why: `${verdict.why}; exit ${candidate.status}${said ? `: ${said}` : ''}` };
}

function compareObservations(task, reference, candidate) {
  if (task.check === 'stdout' || task.check === 'both') {
    const v = compareStdout(task.compare, reference.stdout, candidate.stdout);
    if (!v.pass) return { pass: false, why: `stdout (${task.compare}): ${v.why}` };
  }
  if (task.check === 'files' || task.check === 'both') {
    const problems = diffTrees(reference.tree, candidate.tree);
    if (problems.length > 0) return { pass: false, why: `files: ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? ` (+${problems.length - 3} more)` : ''}` };
  }
  return { pass: true, why: 'ok' };
}

/** A fixture set up for `task` under `root`, then removed after `use(dir)` resolves. */
export async function withFixture(task, root, use) {
  const fixture = await makeFixture(task, root);
  try {
    if (fixture.error) throw new Error(`${task.id}: ${fixture.error}`);
    return await use(fixture.dir);
  } finally {
    removeTree(fixture.dir);
  }
}

/** The reference's observation for `task` (its own fixture, removed afterwards). */
export function observeReference(task, root) {
  return withFixture(task, root, (dir) => observeRun(task, dir, task.reference));
}

/** Judge `command` on `task` from scratch: the reference and the command each in a fresh fixture. */
export async function judgeCommand(task, command, root, reference) {
  const ref = reference ?? (await observeReference(task, root));
  const candidate = await withFixture(task, root, (dir) => observeRun(task, dir, command));
  return judgeObservations(task, ref, candidate);
}
