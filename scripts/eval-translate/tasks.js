// Reading a task file (JSON lines, the format of the README beside the tasks), with the fields
// the harness relies on checked, so a broken line stops the run with its line number.

import { readFileSync } from 'node:fs';

const checks = ['stdout', 'files', 'both'];
const modes = ['exact', 'lines', 'lines-unordered', 'paths', 'numbers', 'contains'];

/** The tasks of a JSONL file; throws naming the line of the first broken one. */
export function readTasks(path) {
  const lines = readFileSync(path, 'utf8').split('\n');
  const tasks = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const task = JSON.parse(line);
    const problem = taskProblem(task);
    if (problem) throw new Error(`${path}:${i + 1}: ${problem}`);
    tasks.push(task);
  });
  return tasks;
}

/** What is wrong with one task, or undefined. */
export function taskProblem(t) {
  for (const key of ['id', 'request', 'setup', 'reference']) if (typeof t[key] !== 'string') return `${key} must be a string`;
  if (!checks.includes(t.check)) return `check must be one of ${checks.join(', ')}`;
  if (t.check !== 'files' && !modes.includes(t.compare)) return `compare must be one of ${modes.join(', ')}`;
  if (!Array.isArray(t.tags) || !['easy', 'medium', 'hard'].includes(t.tags[0])) return 'tags must start with easy, medium or hard';
  return undefined;
}
