// Lint keeps git behind runGit (src/run-git.ts): each row is code placed in a project file that
// must (or must not) be reported.

import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { join } from 'node:path';
import { repoRoot } from '../support/fixtures.js';

const eslint = new ESLint({ cwd: repoRoot });

async function gitErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(repoRoot, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax' && /runGit/.test(m.message)).map((m) => m.message);
}

describe('git runs only through runGit', () => {
  it.each([
    ['src/integrations/x.ts', "export const r = ctx.run(['git', 'status'], { timeoutMs: 1 });"],
    ['src/cli/x.ts', "import { runBounded } from '../run-bounded.js';\nexport const r = runBounded(['/usr/bin/git', 'log'], { timeoutMs: 1, maxBytes: 1 });"],
    ['src/preview/x.ts', "import { spawn } from 'node:child_process';\nexport const c = spawn('git', ['status']);"],
    ['src/repl/x.ts', "import * as cp from 'node:child_process';\nexport const c = cp.execSync('git status');"],
  ])('%s: %j is reported', async (file, code) => {
    expect(await gitErrors(file, code)).toHaveLength(1);
  });

  it.each([
    ['src/integrations/x.ts', "export const r = ctx.runGit(['status'], { timeoutMs: 1 });"],
    ['src/integrations/x.ts', "export const shapes = [['git', 'remote', '-v']];"],
    ['src/cli/x.ts', "import { spawn } from 'node:child_process';\nexport const c = spawn('gitk', ['git']);"],
  ])('%s: %j is allowed', async (file, code) => {
    expect(await gitErrors(file, code)).toEqual([]);
  });
});
