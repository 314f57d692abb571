import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { packagesIntegration } from '../../src/integrations/index.js';
import { ctxWith, roomyBudget, stubBin, tempDir, writeFiles } from './support.js';

const work = tempDir('packages');
const bin = stubBin(work.dir, { npm: {}, pnpm: {}, uv: {}, 'apt-get': {} });
writeFiles(work.dir, {
  'pnpm-app/pnpm-lock.yaml': "lockfileVersion: '9.0'\n",
  'pnpm-app/package.json': '{ "name": "a" }',
  'pnpm-app/src/deep/x.ts': '',
  'npm-app/package-lock.json': '{ "lockfileVersion": 3 }',
  'yarn-app/yarn.lock': '# yarn lockfile v1\n',
  'declared/package.json': '{ "name": "d", "packageManager": "pnpm@9.1.0" }',
  'py-uv/uv.lock': 'version = 1\n',
  'py-uv/pyproject.toml': '[project]\nname = "x"\n',
  'py-poetry/poetry.lock': '',
  'py-req/requirements.txt': 'requests==2.32.0\n',
  'both/package-lock.json': '{}',
  'both/requirements.txt': 'flask\n',
  'repo/.git/HEAD': 'ref: refs/heads/main\n',
  'repo/inner/x.txt': '',
});
const noDebian = { '/etc/debian_version': undefined };
const facts = (dir: string, overrides: Record<string, string | undefined> = noDebian) => packagesIntegration.context(ctxWith(join(work.dir, dir), { PATH: bin, HOME: work.dir }, overrides), roomyBudget());

describe('packages integration', () => {
  afterAll(() => work.cleanup());

  it.each([
    ['pnpm-app', { 'node packages': 'pnpm (pnpm-lock.yaml)' }],
    ['npm-app', { 'node packages': 'npm (package-lock.json)' }],
    ['yarn-app', { 'node packages': 'yarn (yarn.lock; yarn is not installed)' }],
    ['declared', { 'node packages': 'pnpm (package.json)' }],
    ['py-uv', { 'python packages': 'uv (uv.lock)' }],
    ['py-poetry', { 'python packages': 'poetry (poetry.lock; poetry is not installed)' }],
    ['py-req', { 'python packages': 'pip (requirements.txt; pip is not installed)' }],
    ['both', { 'node packages': 'npm (package-lock.json)', 'python packages': 'pip (requirements.txt; pip is not installed)' }],
  ])('reads what %s uses from its lockfiles', async (dir, expected) => {
    expect(await facts(dir)).toEqual(expected);
  });

  it('finds the lockfile of the project from a subdirectory', async () => {
    expect(await facts('pnpm-app/src/deep')).toEqual({ 'node packages': `pnpm (${join(work.dir, 'pnpm-app', 'pnpm-lock.yaml')})` });
  });

  it('stops looking at the repository root', async () => {
    expect(await packagesIntegration.detect(ctxWith(join(work.dir, 'repo', 'inner'), { PATH: bin }, noDebian))).toBe(false);
  });

  it('reports apt on Debian when apt-get is installed', async () => {
    expect(await facts('repo/inner', { '/etc/debian_version': '12.11\n' })).toEqual({ 'system packages': 'apt (Debian 12.11)' });
    expect(await packagesIntegration.detect(ctxWith(join(work.dir, 'repo', 'inner'), { PATH: bin }, { '/etc/debian_version': '12.11\n' }))).toBe(true);
  });

  it('marks its facts stale after an install', () => {
    expect(packagesIntegration.onCommandDone?.({ words: ['pnpm', 'add', 'x'], status: 0, cwd: '/' })).toBe('stale');
    expect(packagesIntegration.onCommandDone?.({ words: ['npm', 'test'], status: 0, cwd: '/' })).toBe('unchanged');
  });
});
