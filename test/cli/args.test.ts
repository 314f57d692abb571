import { describe, expect, it } from 'vitest';
import { parseInvocation } from '../../src/cli/args.js';

const tty = { stdin: true, stderr: true };
const notty = { stdin: false, stderr: true };

describe('parseInvocation', () => {
  it.each([
    [[], 'nl-sh', tty, { kind: 'interactive', login: false }],
    [['-l'], 'nl-sh', tty, { kind: 'interactive', login: true }],
    [['--login'], 'nl-sh', tty, { kind: 'interactive', login: true }],
    [[], '-nl-sh', tty, { kind: 'interactive', login: true }],
    [['-il'], 'nl-sh', tty, { kind: 'interactive', login: true }],
    [['-i'], 'nl-sh', notty, { kind: 'exec-bash' }],
    [['-', '--version'], 'nl-sh', tty, { kind: 'exec-bash' }],
    [['-'], 'nl-sh', tty, { kind: 'interactive' }],
    [['--rcfile', '--version'], 'nl-sh', tty, { kind: 'interactive', rcfile: '--version' }],
    [[], 'nl-sh', notty, { kind: 'exec-bash' }],
    [['-c', 'echo hi'], 'nl-sh', tty, { kind: 'exec-bash' }],
    [['-ec', 'echo hi'], 'nl-sh', tty, { kind: 'exec-bash' }],
    [['-o', 'vi', '-c', 'x'], 'nl-sh', tty, { kind: 'exec-bash' }],
    [['script.sh', 'a'], 'nl-sh', tty, { kind: 'exec-bash' }],
    [['--', 'script.sh'], 'nl-sh', tty, { kind: 'exec-bash' }],
    [['-s'], 'nl-sh', tty, { kind: 'interactive' }],
    [['--version'], 'nl-sh', notty, { kind: 'version' }],
    [['--help'], 'nl-sh', tty, { kind: 'help' }],
    [['--config'], 'nl-sh', notty, { kind: 'config', json: false, configFlags: {} }],
    [['--privacy=cloud-allowed', '--config'], 'nl-sh', notty, { kind: 'config', configFlags: { '--privacy': 'cloud-allowed' } }],
    [['--color', 'never', '-l'], 'nl-sh', tty, { kind: 'interactive', login: true, configFlags: { '--color': 'never' } }],
    [['--nl-prefix=', '--capture-bytes', '8192'], 'nl-sh', tty, { kind: 'interactive', configFlags: { '--nl-prefix': '', '--capture-bytes': '8192' } }],
    [['--privacy'], 'nl-sh', tty, { kind: 'error' }],
    [['--privacyx=1'], 'nl-sh', tty, { kind: 'error' }],
    [['--config', '--json'], 'nl-sh', tty, { kind: 'config', json: true }],
    [['--bogus'], 'nl-sh', tty, { kind: 'error' }],
    [['-o'], 'nl-sh', tty, { kind: 'error' }],
    [['--rcfile'], 'nl-sh', tty, { kind: 'error' }],
  ] as const)('%j as %s (tty %j) → %j', (argv, argv0, ttys, expected) => {
    expect(parseInvocation([...argv], argv0, ttys, {})).toMatchObject(expected);
  });

  it('passes set options and -o/-O values through to bash', () => {
    const inv = parseInvocation(['-x', '-o', 'vi', '+O', 'histappend', '--posix', '-ex'], 'nl-sh', tty, {});
    expect(inv).toMatchObject({ kind: 'interactive', bashArgs: ['-x', '-o', 'vi', '+O', 'histappend', '--posix', '-e', '-x'] });
  });

  it('records --norc, --noprofile and --rcfile for the integration script', () => {
    expect(parseInvocation(['--norc', '--noprofile', '--rcfile', 'my.rc'], 'nl-sh', tty, {})).toMatchObject({ norc: true, noprofile: true, rcfile: 'my.rc' });
  });

  it.each([{ TERM: 'dumb' }, { NLSH_DISABLE: '1' }])('%j means plain bash', (env) => {
    expect(parseInvocation([], 'nl-sh', tty, env)).toEqual({ kind: 'exec-bash', args: [] });
  });
});
