// A task is sound when its reference passes against itself (exit 0, nothing on stderr) and the
// do-nothing command `true` fails it (unless the task is tagged `noop`): otherwise the task could
// not tell a right answer from doing nothing.

import { firstLine } from './fixture.js';
import { judgeCommand, observeReference } from './judge.js';

/** Check one task's reference and fixture: { pass, why }. */
export async function selfCheckTask(task, root) {
  const reference = await observeReference(task, root);
  if (reference.status !== 0 || reference.timedOut) return { pass: false, why: `reference exits ${reference.status}${reference.timedOut ? ' (timed out)' : ''}: ${firstLine(reference.stderr)}` };
  if (reference.stderr.trim() !== '') return { pass: false, why: `reference writes to stderr: ${firstLine(reference.stderr)}` };
  const again = await judgeCommand(task, task.reference, root, reference);
  if (!again.pass) return { pass: false, why: `reference fails against itself: ${again.why}` };
  if (task.tags.includes('noop')) return { pass: true, why: 'ok (noop: `true` not required to fail)' };
  const idle = await judgeCommand(task, 'true', root, reference);
  return idle.pass ? { pass: false, why: 'the do-nothing command `true` passes' } : { pass: true, why: 'ok' };
}
