// A FIFO (or a device) where nl-sh expects its config or policy file: nl-sh must not hang on it,
// and says in one line what is wrong, through the real launcher.

import { afterEach, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, constants, openSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { makeHome, nlshBin, shellEnv } from '../support/fixtures.js';

let home: ReturnType<typeof makeHome> | undefined;
let fifo: string | undefined;
// A reader still blocked on the FIFO (the old code) is released by opening it for writing.
afterEach(() => {
  try {
    if (fifo) closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
  } catch {
    // nobody was waiting on it
  }
  fifo = undefined;
  home?.cleanup();
});

function homeWithFifo(name: string): string {
  home = makeHome({ '.config/nl-sh/.keep': '' });
  fifo = join(home.home, '.config', 'nl-sh', name);
  execFileSync('mkfifo', [fifo]);
  return home.home;
}

describe('a FIFO as a config file', () => {
  it('config.toml: --config answers at once and names the file', () => {
    const h = homeWithFifo('config.toml');
    const r = spawnSync(nlshBin, ['--config'], { cwd: h, env: shellEnv(h), encoding: 'utf8', timeout: 8000 });
    expect(r.error).toBeUndefined();
    expect(r.stdout).toContain(`${fifo}: not a regular file (a FIFO); using defaults`);
  });

  it('policy.toml: --risk answers at once with one warning line', () => {
    const h = homeWithFifo('policy.toml');
    const r = spawnSync(nlshBin, ['--risk'], { cwd: h, env: shellEnv(h), input: 'ls\n', encoding: 'utf8', timeout: 8000 });
    expect(r.error).toBeUndefined();
    expect(r.stdout).toMatch(/"level":"read_only"/);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^nl-sh: policy ${fifo}: not a regular file \\(a FIFO\\); using the most restrictive policy`))]);
  });

  it('policy.toml as /dev/zero: refused, not read forever', () => {
    home = makeHome({ '.config/nl-sh/.keep': '' });
    const h = home.home;
    symlinkSync('/dev/zero', join(h, '.config', 'nl-sh', 'policy.toml'));
    const r = spawnSync(nlshBin, ['--risk'], { cwd: h, env: shellEnv(h), input: 'ls\n', encoding: 'utf8', timeout: 8000 });
    expect(r.error).toBeUndefined();
    expect(r.stderr).toMatch(/policy\.toml: not a regular file \(a device\)/);
  });
});
