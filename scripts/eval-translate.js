// Score how often nl-sh proposes the right command, by running it: for each task, build the fixture
// in a fresh directory, ask nl-sh's real planner there (or, with --bare, the same model with one
// line of instruction and no context), judge the proposal with nl-sh's risk gate, run it and the
// reference each in its own copy of the fixture inside bubblewrap, and compare as the task says.
// `--self` checks the tasks instead: each reference passes against itself and `true` fails.
// The task format and the sandbox are described in the README beside the tasks.
//
// Usage: node scripts/eval-translate.js TASKS.jsonl [--model GGUF | --tier NAME] [--bare]
//          [--limit N] [--json] [--self]          (build first: npm run build)

import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEvalArgs } from './eval-translate/args.js';
import { makeWorkRoot, removeTree } from './eval-translate/fixture.js';
import { loadGate } from './eval-translate/gate.js';
import { bareProposer, nlshProposer } from './eval-translate/proposers.js';
import { formatResult, summaryLine } from './eval-translate/report.js';
import { evaluateTask } from './eval-translate/evaluate.js';
import { probeBwrap } from './eval-translate/sandbox.js';
import { selfCheckTask } from './eval-translate/self-check.js';
import { readTasks } from './eval-translate/tasks.js';
import { embeddedTierConfig, isolatedNlshEnv, userTierConfig } from './eval-translate/tier-config.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = resolve(repoRoot, 'dist');
const nlshBin = resolve(repoRoot, 'bin/nl-sh');

const stop = (line, code = 2) => {
  console.error(`eval-translate: ${line}`);
  process.exit(code);
};

const opts = parseEvalArgs(process.argv.slice(2));
if (opts.error) stop(opts.error);
const bwrap = probeBwrap();
if (!bwrap.ok) stop(`${bwrap.reason}; proposals run only inside bubblewrap, so nothing was run (apt-get install bubblewrap)`);
let tasks;
try {
  tasks = readTasks(opts.tasks).slice(0, opts.limit ?? Infinity);
} catch (err) {
  stop(err.message);
}

const root = makeWorkRoot();
process.on('exit', () => removeTree(root));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

const results = [];
if (opts.self) {
  for (const task of tasks) results.push({ id: task.id, ...(await selfCheckTask(task, root)) });
} else {
  if (!existsSync(nlshBin) || !existsSync(`${dist}/main.js`)) stop('build nl-sh first (npm run build && sh scripts/build-launcher.sh)');
  let configText;
  try {
    configText = opts.model ? embeddedTierConfig(opts.model) : userTierConfig(await userConfigPath(), opts.tier);
  } catch (err) {
    stop(err.message);
  }
  const env = isolatedNlshEnv(resolve(root, 'nlsh'), configText);
  const proposer = opts.bare ? await bareProposer({ dist, env }).catch((err) => stop(err.message)) : nlshProposer({ nlshBin, env, tierName: opts.model ? 'embedded' : opts.tier });
  const gate = await loadGate(dist);
  for (const task of tasks) {
    const result = await evaluateTask(task, { root, proposer, gate, home: env.HOME });
    results.push(result);
    console.log(formatResult(result, opts.json));
  }
}
if (opts.self) for (const r of results) console.log(opts.json ? JSON.stringify(r) : `${r.pass ? 'PASS' : 'FAIL'}  ${r.id}  ${r.why}`);
console.log(summaryLine(results));

// The user's config file, where nl-sh itself would look.
async function userConfigPath() {
  const { configPath } = await import(`${dist}/config.js`);
  return configPath(process.env);
}
