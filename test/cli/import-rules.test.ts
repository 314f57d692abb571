// The import directions of DESIGN.md are enforced by lint: each row is code placed in a file of
// the project that must (or must not) be reported.

import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { join } from 'node:path';
import { repoRoot } from '../support/fixtures.js';

const eslint = new ESLint({ cwd: repoRoot });

async function importErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(repoRoot, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import directions', () => {
  it.each([
    ['src/planner/x.ts', "import { loadBashParser } from '../sandbox/index.js';", /must not import src\/sandbox/],
    ['src/sandbox/x.ts', "import { route } from '../repl/router/route.js';", /must not import src\/repl/],
    ['src/integrations/x.ts', "import type { X } from '../planner/index.js';", /must not import src\/planner/],
    ['src/repl/x.ts', "import { classifyCommand } from '../sandbox/risk/classify.js';", /only the public index/],
    ['src/repl/x.ts', "import { spawn } from '@lydell/node-pty';", /Only src\/repl\/pty\//],
    ['src/cli/x.ts', "import { Terminal } from '@xterm/headless';", /Only src\/repl\/pty\//],
    ['src/repl/x.ts', "import { main } from '../main.js';", /Nothing imports main/],
    ['src/sandbox/risk/x.ts', "import { Parser } from 'web-tree-sitter';", /Only src\/sandbox\/parse\//],
  ])('%s: %s is reported', async (file, code, message) => {
    const errors = await importErrors(file, code);
    expect(errors.some((e) => message.test(e))).toBe(true);
  });

  it.each([
    ['src/repl/x.ts', "import { loadBashParser } from '../sandbox/index.js';"],
    ['src/repl/pty/x.ts', "import { spawn } from '@lydell/node-pty';"],
    ['src/sandbox/parse/x.ts', "import { Parser } from 'web-tree-sitter';"],
    ['src/planner/x.ts', "import { NlshError } from '../errors.js';"],
  ])('%s: %s is allowed', async (file, code) => {
    expect(await importErrors(file, code)).toEqual([]);
  });
});
