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
    ['src/planner/x.ts', "import { loadBashParser } from '../risk/index.js';", /must not import src\/risk/],
    ['src/planner/x.ts', "import { buildProfile } from '../sandbox/index.js';", /must not import src\/sandbox/],
    ['src/sandbox/x.ts', "import { classifyCommand } from '../risk/index.js';", /must not import src\/risk/],
    ['src/risk/x.ts', "import { prepareCommand } from '../sandbox/index.js';", /must not import src\/sandbox/],
    ['src/preview/x.ts', "import { startSession } from '../repl/index.js';", /must not import src\/repl/],
    ['src/preview/x.ts', "import { createRequestFlow } from '../flow/request-flow.js';", /must not import src\/flow/],
    ['src/flow/x.ts', "import { wireRequestFlow } from '../cli/flow-wiring.js';", /must not import src\/cli/],
    ['src/flow/x.ts', "import { gitIntegration } from '../integrations/git.js';", /must not import src\/integrations/],
    ['src/repl/x.ts', "import { renderEvent } from '../preview/render-events.js';", /must not import src\/preview/],
    ['src/sandbox/x.ts', "import { route } from '../repl/router/route.js';", /must not import src\/repl/],
    ['src/integrations/x.ts', "import type { X } from '../planner/index.js';", /must not import src\/planner/],
    ['src/repl/x.ts', "import { classifyCommand } from '../risk/classify.js';", /only the public index/],
    ['src/repl/x.ts', "import { prepareCommand } from '../sandbox/prepare.js';", /only the public index/],
    ['src/repl/router/x.ts', "import { classifyCommand } from '../../risk/rules/index.js';", /only the public index/],
    ['src/repl/x.ts', "import { spawn } from '@lydell/node-pty';", /Only src\/repl\/pty\//],
    ['src/cli/x.ts', "import { Terminal } from '@xterm/headless';", /Only src\/repl\/pty\//],
    ['src/repl/x.ts', "import { main } from '../main.js';", /Nothing imports main/],
    ['src/risk/x.ts', "import { Parser } from 'web-tree-sitter';", /Only src\/risk\/parse\//],
    ['src/config/x.ts', "import { readFileSync } from 'node:fs';", /only through src\/read-file\.ts/],
    ['src/sandbox/x.ts', "import { readFile } from 'node:fs/promises';", /only through src\/read-file\.ts/],
    ['src/integrations/x.ts', "import { open } from 'fs/promises';", /only through src\/read-file\.ts/],
    ['src/repl/x.ts', "import { createReadStream } from 'node:fs';", /only through src\/read-file\.ts/],
    ['src/planner/x.ts', "import { openSync, readSync } from 'node:fs';", /only through src\/read-file\.ts/],
    ['src/cli/x.ts', "import * as fs from 'node:fs';", /only through src\/read-file\.ts/],
    ['src/repl/pty/x.ts', "import { readFileSync } from 'node:fs';", /only through src\/read-file\.ts/],
    ['src/run-bounded.ts', "import { readFileSync } from 'node:fs';", /only through src\/read-file\.ts/],
    ['src/repl/x.ts', "import { spawn } from 'node:child_process';", /only through src\/run-bounded\.ts/],
    ['src/sandbox/x.ts', "import { spawnSync } from 'child_process';", /only through src\/run-bounded\.ts/],
    ['src/integrations/plugins/x.ts', "import { fork } from 'node:child_process';", /only through src\/run-bounded\.ts/],
    ['src/risk/parse/x.ts', "import { execFileSync } from 'node:child_process';", /only through src\/run-bounded\.ts/],
    ['src/read-file.ts', "import { exec } from 'node:child_process';", /only through src\/run-bounded\.ts/],
  ])('%s: %s is reported', async (file, code, message) => {
    const errors = await importErrors(file, code);
    expect(errors.some((e) => message.test(e))).toBe(true);
  });

  it.each([
    ['src/repl/x.ts', "import { loadBashParser } from '../risk/index.js';"],
    ['src/repl/pty/x.ts', "import { spawn } from '@lydell/node-pty';"],
    ['src/risk/parse/x.ts', "import { Parser } from 'web-tree-sitter';"],
    ['src/flow/x.ts', "import type { LineContext } from '../repl/line-decision.js';"],
    ['src/preview/x.ts', "import { formatReason } from '../risk/assessment.js';"],
    ['src/planner/x.ts', "import { NlshError } from '../errors.js';"],
    ['src/config/x.ts', "import { writeFileSync, statSync } from 'node:fs';"],
    ['src/read-file.ts', "import { openSync, readSync } from 'node:fs';\nimport { open } from 'node:fs/promises';"],
    ['src/run-bounded.ts', "import { spawn, spawnSync } from 'node:child_process';"],
    ['src/entry.ts', "import { spawnSync } from 'node:child_process';"],
    ['src/integrations/plugins/plugin-host.ts', "import { fork } from 'node:child_process';"],
  ])('%s: %s is allowed', async (file, code) => {
    expect(await importErrors(file, code)).toEqual([]);
  });
});
