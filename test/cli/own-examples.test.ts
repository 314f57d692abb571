// The user's own requests that ran and exited 0 become examples for small models, read from
// nl-sh's request history; a failed or shell-routed entry never does, and a new entry is seen.
import { afterEach, describe, expect, it } from 'vitest';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultConfig } from '../../src/config.js';
import { plannerDeps } from '../../src/cli/planner-wiring.js';
import { loadBashParser } from '../../src/risk/index.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('own examples from the request history', () => {
  it('are the nl requests whose command exited 0, and a new one is picked up', async () => {
    const state = mkdtempSync(join(tmpdir(), 'nlsh-own-'));
    dirs.push(state);
    mkdirSync(join(state, 'nl-sh'));
    const file = join(state, 'nl-sh', 'history.jsonl');
    const entry = (line: string, command: string, route: string, exitStatus: number) => `${JSON.stringify({ at: Date.now(), session: 1, cwd: '/w', line, route, command, exitStatus })}\n`;
    appendFileSync(file, entry('show my disk space', 'df -h', 'nl', 0) + entry('list the wrong thing', 'lz', 'nl', 127) + entry('ls', 'ls', 'shell', 0));
    const deps = plannerDeps({ config: defaultConfig, env: { XDG_STATE_HOME: state, HOME: state, PATH: '/usr/bin:/bin' }, parser: await loadBashParser() });
    expect(await deps.ownExamples!('/w')).toEqual([{ request: 'show my disk space', command: 'df -h' }]);
    appendFileSync(file, entry('count the log files', 'ls *.log | wc -l', 'nl', 0));
    expect((await deps.ownExamples!('/w')).map((e) => e.command).sort()).toEqual(['df -h', 'ls *.log | wc -l']);
  });
});
