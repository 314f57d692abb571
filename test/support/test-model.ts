// Test support: the real GGUF the embedded-model tests load. CI fetches it once before the tests
// and exports NLSH_TEST_MODEL (a cache every test user can read); elsewhere scripts/test-model.sh
// fetches it on first use and answers from its cache afterwards.

import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './fixtures.js';

/** The test-model script: its last stdout line is the GGUF's absolute path. */
export const testModelScript = join(repoRoot, 'scripts', 'test-model.sh');

/** The test model's GGUF path: NLSH_TEST_MODEL when set, else what the (cached) script prints. */
export function testModelPath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.NLSH_TEST_MODEL) return env.NLSH_TEST_MODEL;
  const out = execFileSync('bash', [testModelScript], { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'inherit'] });
  return out.trim().split('\n').at(-1) ?? '';
}
