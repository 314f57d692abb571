// `nl-sh --dry-run` through the launcher: the change summary (and JSON), nothing real changed.

import { afterEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, realpathSync } from 'node:fs';
import { makeHome, nlshBin, shellEnv } from '../support/fixtures.js';

let home: ReturnType<typeof makeHome> | undefined;
afterEach(() => home?.cleanup());

describe('nl-sh --dry-run', () => {
  it('lists what the command would create, change and delete, and changes nothing', () => {
    home = makeHome({ 'a.log': 'old\n', 'b.txt': 'keep\n' });
    const cwd = realpathSync(home.home);
    const r = spawnSync(nlshBin, ['--dry-run', 'rm *.log; echo new > c.txt; sed -i s/keep/KEEP/ b.txt'], { cwd, env: shellEnv(cwd), encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^deleted  ${cwd}/a\\.log$`, 'm'));
    expect(r.stdout).toMatch(new RegExp(`^created  ${cwd}/c\\.txt`, 'm'));
    expect(r.stdout).toMatch(/^ {4}-keep\n {4}\+KEEP$/m);
    expect(readdirSync(cwd).sort()).toEqual(['a.log', 'b.txt']);
    expect(readFileSync(`${cwd}/b.txt`, 'utf8')).toBe('keep\n');
  });

  it('--json gives the changes to tools', () => {
    home = makeHome({ 'x.txt': 'x' });
    const cwd = realpathSync(home.home);
    const r = spawnSync(nlshBin, ['--dry-run', '--json', 'chmod 600 x.txt'], { cwd, env: shellEnv(cwd), encoding: 'utf8' });
    const data = JSON.parse(r.stdout) as { changes: { kind: string; path: string }[] };
    expect(data.changes).toMatchObject([{ kind: 'modified', path: `${cwd}/x.txt` }]);
  });

  it('without a command, says how to use it (a usage error: status 2)', () => {
    const r = spawnSync(nlshBin, ['--dry-run'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--dry-run needs the command/);
  });
});
