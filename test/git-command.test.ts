import { describe, expect, it } from 'vitest';
import { gitDriverOverrides, hardenGitCommand } from '../src/git-command.js';

const configValue = (argv: readonly string[], key: string): string | undefined =>
  argv.flatMap((a, i) => (argv[i - 1] === '-c' && a.startsWith(`${key}=`) ? [a.slice(key.length + 1)] : [])).at(-1);

describe('hardenGitCommand', () => {
  it('puts global options and overrides before the subcommand and its safety options after it', () => {
    const { argv } = hardenGitCommand(['status', '--porcelain=v2'], {});
    expect(argv.slice(0, 3)).toEqual(['git', '--no-pager', '--no-optional-locks']);
    expect(argv.slice(-3)).toEqual(['status', '--ignore-submodules=all', '--porcelain=v2']);
    expect(configValue(argv, 'core.fsmonitor')).toBe('false');
    expect(configValue(argv, 'core.hooksPath')).toBe('/dev/null');
    expect(configValue(argv, 'protocol.allow')).toBe('never');
    expect(hardenGitCommand(['log', '-n', '1'], {}).argv.slice(-5)).toEqual(['log', '--no-ext-diff', '--no-textconv', '-n', '1']);
  });

  it('adds the driver overrides it is given, after the fixed ones', () => {
    const { argv } = hardenGitCommand(['status'], {}, [['filter.x.clean', '']]);
    expect(configValue(argv, 'filter.x.clean')).toBe('');
  });

  it("drops the user's GIT_* variables, keeps the rest, and keeps only absolute PATH entries", () => {
    const { env } = hardenGitCommand(['status'], { HOME: '/home/u', GIT_DIR: '/elsewhere', GIT_CONFIG_COUNT: '1', GIT_EXTERNAL_DIFF: 'x', GIT_EXEC_PATH: '.', PATH: '/usr/bin::.:bin:/bin' });
    expect(env.HOME).toBe('/home/u');
    expect(env.PATH).toBe('/usr/bin:/bin');
    for (const gone of ['GIT_DIR', 'GIT_CONFIG_COUNT', 'GIT_EXTERNAL_DIFF', 'GIT_EXEC_PATH']) expect(env).not.toHaveProperty(gone);
    expect(env).toMatchObject({ GIT_ALLOW_PROTOCOL: '', GIT_NO_LAZY_FETCH: '1', GIT_PAGER: 'cat', GIT_TERMINAL_PROMPT: '0', GIT_ASKPASS: '', GIT_OPTIONAL_LOCKS: '0', GIT_CONFIG_NOSYSTEM: '1' });
  });
});

describe('gitDriverOverrides', () => {
  it('empties every driver program the config names and makes filters not required', () => {
    const names = ['core.bare', 'filter.lfs.clean', 'filter.lfs.required', 'filter.a.b "c.process', 'diff.pdf.textconv', 'merge.ours.driver', 'filter.lfs.clean', ''].join('\0');
    expect(gitDriverOverrides(names)).toEqual([
      ['filter.lfs.clean', ''],
      ['filter.lfs.required', 'false'],
      ['filter.a.b "c.process', ''],
      ['diff.pdf.textconv', ''],
      ['merge.ours.driver', ''],
    ]);
  });

  it('refuses a driver name that -c would split (an = in it), so git is not run', () => {
    expect(gitDriverOverrides('filter.a=b.clean\0')).toBeUndefined();
  });
});
