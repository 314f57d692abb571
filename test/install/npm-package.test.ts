// Installing the npm package as a user would: `npm pack`, then
// `npm install -g --prefix DIR` of the tarball. The installed nl-sh is the native launcher, is
// bash for `-c`, starts an interactive session, and the post-install note says how to make it
// the login shell and how to go back.

import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeHome, repoRoot, shellEnv, testBashrc } from '../support/fixtures.js';
import { startInPty } from '../support/pty-driver.js';

const run = promisify(execFile);
let dir: string;
let prefix: string;
let installLog = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nlsh-npm-'));
  prefix = join(dir, 'prefix');
  // dist/ and bin/nl-sh are already built (npm test builds first); prepack would rebuild them
  // under the feet of the other tests running now.
  await run('npm', ['pack', '--ignore-scripts', '--pack-destination', dir], { cwd: repoRoot, maxBuffer: 16 << 20 });
  const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
  const r = await run('npm', ['install', '-g', '--prefix', prefix, '--foreground-scripts', '--no-audit', '--no-fund', join(dir, tarball ?? 'missing.tgz')], { cwd: dir, maxBuffer: 16 << 20 });
  installLog = `${r.stdout}\n${r.stderr}`;
}, 240_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm install -g', () => {
  it('puts the native launcher on PATH and prints how to make it the login shell', () => {
    const launcher = join(prefix, 'lib/node_modules/nl-sh/bin/nl-sh');
    expect(readFileSync(launcher).subarray(0, 4).toString('latin1')).toBe('\x7fELF');
    expect(installLog).toContain('nl-sh: installed. Try it: nl-sh');
    expect(installLog).toContain('nl-sh-login-shell enable');
    expect(installLog).toContain('nl-sh-login-shell disable');
  });

  it('is bash for -c and answers --version', async () => {
    const bin = join(prefix, 'bin/nl-sh');
    expect((await run(bin, ['-c', 'echo $((6*7)) $0'])).stdout).toBe('42 bash\n');
    expect((await run(bin, ['--version'])).stdout).toMatch(/^nl-sh \d+\.\d+\.\d+\n$/);
    expect((await run(join(prefix, 'bin/nl-sh-login-shell'), ['status'])).stdout).toMatch(/nl-sh launcher: .*\/lib\/node_modules\/nl-sh\/bin\/nl-sh/);
  });

  it('starts an interactive session', async () => {
    const home = makeHome({ '.bashrc': testBashrc });
    const sh = startInPty(join(prefix, 'bin/nl-sh'), [], { env: shellEnv(home.home), cwd: home.home });
    try {
      await sh.waitFor(/nlsh-test:~# $/m, 15_000);
      sh.type('echo ok-$((6*7))\r');
      await sh.waitFor(/^ok-42$/m);
    } finally {
      sh.kill();
      home.cleanup();
    }
  });
});
