// `npm run bench`: every benchmark in one run, in order, each printing its own table.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = (name) => fileURLToPath(new URL(name, import.meta.url));
const extra = process.argv.slice(2);
let failed = 0;
for (const script of ['shell-bench.js', 'route-bench.js', 'risk-bench.js', 'redact-bench.js', 'planner-bench.js', 'preview-bench.js', 'context-bench.js', 'sandbox-bench.js', 'memory-bench.js', 'model-bench.js']) {
  console.log(`\n## ${script}\n`);
  const r = spawnSync(process.execPath, [here(script), ...extra], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
