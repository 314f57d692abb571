// Tool-aware context time: integrationContext over a directory where every built-in integration
// is relevant (a git repository stopped mid-rebase with changes, a compose file, lockfiles, a
// kubeconfig and an aws config given through KUBECONFIG / AWS_CONFIG_FILE, a docker daemon
// socket with a stub `docker` that prints `docker ps` output). 200 runs: median and p99 against
// the planner's context budget (50 ms, src/cli/planner-wiring.ts), and as a ratio to the
// existing gatherContext (no integrations) measured in the same run, in the same directory.
// Usage: node bench/context-bench.js   (build first: npx tsc -p tsconfig.build.json)

import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtinIntegrations, integrationContext, integrationFacts } from '../dist/integrations/index.js';
import { gatherContext, localContextSources } from '../dist/planner/index.js';

const budgetMs = 50;
const runs = 200;
const work = mkdtempSync(join(tmpdir(), 'nlsh-context-bench-'));
const repo = join(work, 'shop');
const write = (path, text) => (mkdirSync(join(path, '..'), { recursive: true }), writeFileSync(path, text));

// The repository: 60 files, two branches changing the same file, a rebase stopped on the conflict.
const gitEnv = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'b', GIT_AUTHOR_EMAIL: 'b@x', GIT_COMMITTER_NAME: 'b', GIT_COMMITTER_EMAIL: 'b@x', GIT_EDITOR: 'true' };
const git = (...args) => {
  try {
    execFileSync('git', ['-C', repo, ...args], { env: gitEnv, stdio: 'ignore' });
  } catch {
    // the rebase stops on its conflict: that is the state to measure
  }
};
for (let i = 0; i < 60; i++) write(join(repo, `src/file-${i}.txt`), `${i}\n`);
write(join(repo, 'compose.yaml'), 'name: shop\nservices:\n  web:\n    image: nginx:1.27\n  db:\n    image: postgres:16\n');
write(join(repo, 'package.json'), '{ "name": "shop" }\n');
write(join(repo, 'package-lock.json'), '{ "lockfileVersion": 3 }\n');
write(join(repo, 'uv.lock'), 'version = 1\n');
write(join(repo, 'a.txt'), 'base\n');
git('init', '-q', '-b', 'main');
git('add', '.');
git('commit', '-q', '-m', 'base');
git('checkout', '-q', '-b', 'feature');
write(join(repo, 'a.txt'), 'feature\n');
git('commit', '-q', '-am', 'feature');
git('checkout', '-q', 'main');
write(join(repo, 'a.txt'), 'main\n');
git('commit', '-q', '-am', 'main');
git('checkout', '-q', 'feature');
git('rebase', '-q', 'main');
write(join(repo, 'src/file-1.txt'), 'changed\n');
write(join(repo, 'untracked.txt'), 'new\n');

// Tool configuration and stub programs (so the run does not depend on a docker daemon here).
write(join(work, 'kube/config'), 'apiVersion: v1\ncontexts:\n- context:\n    cluster: eks-shop\n    namespace: payments\n    user: admin\n  name: prod-eu\ncurrent-context: prod-eu\nkind: Config\n');
write(join(work, 'aws/config'), '[profile shop]\nregion = eu-west-1\nrole_arn = arn:aws:iam::123456789012:role/Admin\n');
write(join(work, 'docker.sock'), '');
const bin = join(work, 'bin');
mkdirSync(bin);
for (const [name, out] of [['docker', 'shop-web-1\\tnginx:1.27\\nshop-db-1\\tpostgres:16\\n'], ['kubectl', ''], ['aws', '']]) {
  writeFileSync(join(bin, name), `#!/bin/sh\nprintf '${out}'\n`);
  chmodSync(join(bin, name), 0o755);
}
const env = { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}`, HOME: work, KUBECONFIG: join(work, 'kube/config'), AWS_CONFIG_FILE: join(work, 'aws/config'), AWS_PROFILE: 'shop', DOCKER_HOST: `unix://${join(work, 'docker.sock')}` };

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p99 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.99))];
const time = async (fn) => {
  const t = performance.now();
  await fn();
  return performance.now() - t;
};

const check = await integrationFacts(repo, env, 1000);
const relevant = check.sections.map((s) => s.name);
const missing = builtinIntegrations.map((i) => i.name).filter((n) => !relevant.includes(n));
const sources = localContextSources({ env, shell: 'bash', lastCommand: async () => undefined });
for (let i = 0; i < 10; i++) {
  await integrationContext(repo, env, budgetMs);
  await gatherContext(repo, sources, budgetMs);
}
const withIntegrations = [];
const baseline = [];
let omittedRuns = 0;
for (let i = 0; i < runs; i++) {
  baseline.push(await time(() => gatherContext(repo, sources, budgetMs)));
  withIntegrations.push(await time(async () => {
    const report = await integrationFacts(repo, env, budgetMs);
    if (report.omitted.length) omittedRuns++;
  }));
}
rmSync(work, { recursive: true, force: true });

console.log(`relevant integrations: ${relevant.join(', ')}${missing.length ? ` (NOT relevant: ${missing.join(', ')})` : ' (all)'}`);
console.log(Object.entries(check.facts).map(([k, v]) => `  ${k}: ${v}`).join('\n'));
const m = median(withIntegrations);
const p = p99(withIntegrations);
console.log(`integration context, ${runs} runs: median ${m.toFixed(2)} ms, p99 ${p.toFixed(2)} ms (budget ${budgetMs} ms: median ${((100 * m) / budgetMs).toFixed(0)}%, p99 ${((100 * p) / budgetMs).toFixed(0)}%); runs with an integration omitted: ${omittedRuns}`);
console.log(`baseline gatherContext (no integrations), same dir: median ${median(baseline).toFixed(2)} ms, p99 ${p99(baseline).toFixed(2)} ms; ratio integrations/baseline: median ${(m / median(baseline)).toFixed(2)}x, p99 ${(p / p99(baseline)).toFixed(2)}x`);
const ok = p < budgetMs && missing.length === 0;
console.log(ok ? 'OK: p99 within the planner context budget with every integration relevant' : 'OVER: p99 exceeds the planner context budget or an integration was not relevant');
process.exit(ok ? 0 : 1);
