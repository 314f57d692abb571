// Flag help: parsing real `--help` texts captured from GNU tools (fixtures/help/*.txt, taken with
// LC_ALL=C COLUMNS=100), finding and splitting flags, and the running help source (allow list,
// timeout, caching), the last with throwaway scripts on a temporary PATH.

import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createRunningHelpSource, explainFlags, findFlagHelp, parseHelpText, splitFlagWord, type HelpEntry, type HelpSource } from '../../src/preview/flag-help.js';

const fixtures = fileURLToPath(new URL('./fixtures/help/', import.meta.url));
const entriesOf = (prog: string): HelpEntry[] => parseHelpText(readFileSync(join(fixtures, `${prog}.txt`), 'utf8'));

describe('findFlagHelp on real help texts', () => {
  const cases: [prog: string, flag: string, expected: string][] = [
    ['ls', '-l', 'long listing'],
    ['ls', '-S', 'sort by file size'],
    ['ls', '-a', 'do not ignore entries starting with .'],
    ['ls', '--all', 'do not ignore entries'],
    ['ls', '-h', 'print sizes like 1K'],
    ['ls', '--color=auto', 'color the output'],
    ['ls', '--color', 'color the output'],
    ['ls', '--block-size=M', 'scale sizes by SIZE'],
    ['ls', '--recurs', 'list subdirectories recursively'],
    ['ls', '-1', 'one file per line'],
    ['ls', '--group-directories-first', 'group directories before files'],
    ['ls', '-p', 'append / indicator'],
    ['ls', '--indicator-style=slash', 'append / indicator'],
    ['ls', '--indicator-style=classify', 'append indicator with style WORD'],
    ['grep', '-i', 'ignore case'],
    ['grep', '-r', 'like --directories=recurse'],
    ['grep', '-R', 'follow all symlinks'],
    ['grep', '-A3', 'trailing context'],
    ['grep', '-5', 'same as --context=NUM'],
    ['grep', '--colour=never', 'highlight the matching'],
    ['grep', '--color', 'highlight the matching'],
    ['grep', '--silent', 'suppress all normal output'],
    ['grep', '-e', 'use PATTERNS for matching'],
    ['rm', '-r', 'recursively'],
    ['rm', '-R', 'recursively'],
    ['rm', '-f', 'never prompt'],
    ['rm', '--interactive=once', 'prompt according to WHEN'],
    ['sort', '-h', 'human'],
    ['sort', '-n', 'numerical value'],
    ['sort', '-k1,1', 'sort via a key'],
    ['sort', '-t,', 'use SEP'],
    ['sort', '--check', 'check for sorted input'],
    ['sort', '--check=quiet', 'do not report first bad line'],
    ['du', '-s', 'total'],
    ['du', '-h', 'human readable'],
    ['du', '-BM', 'scale sizes by SIZE'],
    ['du', '--max-depth=1', 'print the total for a directory'],
    ['du', '-d1', 'print the total for a directory'],
    ['head', '-n5', 'first'],
    ['head', '-n', 'first NUM lines'],
    ['head', '--lines=20', 'first NUM lines'],
    ['head', '-c', 'first NUM bytes'],
    ['find', '--help', 'display this help'],
  ];
  if (existsSync(join(fixtures, 'tar.txt'))) {
    cases.push(
      ['tar', '-x', 'extract files from an archive'],
      ['tar', '-z', 'gzip'],
      ['tar', '-f', 'use archive file or device ARCHIVE'],
      ['tar', '--exclude-caches-under', 'exclude everything under'],
      ['tar', '--exclude-vcs', 'version control system'],
      ['tar', '--null', 'implies --verbatim-files-from'],
      ['tar', '-?', 'give this help list'],
    );
  }
  it.each(cases)('%s %s mentions %j', (prog, flag, expected) => {
    expect(findFlagHelp(entriesOf(prog), flag)).toContain(expected);
  });

  it.each([
    ['ls', '-y'],
    ['ls', '--no-such-option'],
    ['ls', '--co'], // --color, --context
    ['ls', '--h'], // --help, --hide, --human-readable, ...
    ['ls', '-la'], // a bundle, not an attached value: splitFlagWord's business
    ['grep', '--ex'], // --exclude, --exclude-from, --exclude-dir, --extended-regexp
    ['head', '-5'], // no -NUM in head's help
    ['find', '-maxdepth'], // listed without descriptions
    ['find', '-name'],
    ['ls', 'file.txt'],
    ['ls', '-'],
    ['ls', '--'],
  ])('%s %s has no help', (prog, flag) => {
    expect(findFlagHelp(entriesOf(prog), flag)).toBeUndefined();
  });
});

describe('parseHelpText', () => {
  it('reads names without their arguments and joins continuation lines', () => {
    const ls = entriesOf('ls');
    expect(ls.find((e) => e.names.includes('--block-size'))).toEqual({
      names: ['--block-size'],
      text: "with -l, scale sizes by SIZE when printing them; e.g., '--block-size=M'; see SIZE format below",
    });
    expect(ls.find((e) => e.names.includes('--color'))?.names).toEqual(['--color']);
    expect(ls.find((e) => e.names.includes('-w'))?.names).toEqual(['-w', '--width']);
    expect(entriesOf('rm').find((e) => e.names.includes('-r'))?.names).toEqual(['-r', '-R', '--recursive']);
  });

  it('ignores usage lines, section headers, prose and blank lines', () => {
    const names = entriesOf('ls').flatMap((e) => e.names);
    expect(names.every((n) => n.startsWith('-'))).toBe(true);
    expect(entriesOf('find').map((e) => e.names)).toEqual([['--help'], ['--version']]);
    expect(parseHelpText('Usage: x [OPTION]...\n\nOptions:\n\nReport bugs to <x@example.org>\n')).toEqual([]);
  });

  it('reads a description that starts on the next, deeper line', () => {
    const text = ['Options:', '  -v, --verbose', '        say more about what', '        is going on', '  -q    say less', ''].join('\n');
    expect(parseHelpText(text)).toEqual([
      { names: ['-v', '--verbose'], text: 'say more about what is going on' },
      { names: ['-q'], text: 'say less' },
    ]);
  });

  it('reads BSD/busybox tab style', () => {
    const text = 'Usage: ls [-1AaCxdLHRFplinshrSXvctu] [FILE]...\n\nList directory contents\n\n\t-1\tOne column output\n\t-a\tInclude entries which start with .\n\t-l\tLong listing format\n\t-w N\tAssume the terminal is N columns wide\n';
    const entries = parseHelpText(text);
    expect(entries).toEqual([
      { names: ['-1'], text: 'One column output' },
      { names: ['-a'], text: 'Include entries which start with .' },
      { names: ['-l'], text: 'Long listing format' },
      { names: ['-w'], text: 'Assume the terminal is N columns wide' },
    ]);
    expect(splitFlagWord(entries, '-la')).toEqual(['-l', '-a']);
  });

  it('reads argparse and curl style arguments', () => {
    const text = ['options:', '  -h, --help            show this help message and exit', '  -o OUTPUT, --output OUTPUT', '                        write to OUTPUT', '  -d, --data <data>     HTTP POST data', ''].join('\n');
    expect(parseHelpText(text)).toEqual([
      { names: ['-h', '--help'], text: 'show this help message and exit' },
      { names: ['-o', '--output'], text: 'write to OUTPUT' },
      { names: ['-d', '--data'], text: 'HTTP POST data' },
    ]);
  });

  it('keeps each description to one line of at most 200 characters', () => {
    const long = `  -x   ${'word '.repeat(100)}\n         ${'more '.repeat(50)}\n`;
    const [entry] = parseHelpText(long);
    expect(entry?.text.length).toBeLessThanOrEqual(200);
    expect(entry?.text).not.toMatch(/\s{2}|\n/);
    for (const prog of ['ls', 'grep', 'tar']) {
      if (existsSync(join(fixtures, `${prog}.txt`))) for (const e of entriesOf(prog)) expect(e.text.length).toBeLessThanOrEqual(200);
    }
  });
});

describe('splitFlagWord', () => {
  it.each([
    ['ls', '-la', ['-l', '-a']],
    ['ls', '-lhS', ['-l', '-h', '-S']],
    ['ls', '-l', ['-l']],
    ['ls', '-lq9', ['-lq9']],
    ['ls', '--color=auto', ['--color=auto']],
    ['head', '-n5', ['-n5']],
    ['du', '-sh', ['-s', '-h']],
    ['du', '-BM', ['-BM']],
    ['grep', '-rn', ['-r', '-n']],
    ['ls', 'notaflag', ['notaflag']],
  ] as const)('%s %s → %j', (prog, word, expected) => {
    expect(splitFlagWord(entriesOf(prog), word)).toEqual(expected);
  });
});

describe('explainFlags', () => {
  const fake = (texts: Record<string, string>): HelpSource => ({ helpText: async (p) => texts[p] });
  const lsHelp = readFileSync(join(fixtures, 'ls.txt'), 'utf8');

  it('explains flags in the order given, splitting bundles and skipping unknown flags', async () => {
    const got = await explainFlags(fake({ ls: lsHelp }), 'ls', ['-S', '--bogus', '-la', '--color=auto', '-l']);
    expect(got.map((g) => g.flag)).toEqual(['-S', '-l', '-a', '--color=auto']);
    expect(got[0]?.text).toContain('sort by file size');
    expect(got[1]?.text).toContain('long listing');
  });

  it('gives nothing for a program without help', async () => {
    expect(await explainFlags(fake({}), 'nope', ['-l'])).toEqual([]);
  });

  it('never throws, even when the source rejects or throws', async () => {
    const rejecting: HelpSource = { helpText: () => Promise.reject(new Error('boom')) };
    const throwing: HelpSource = {
      helpText: () => {
        throw new Error('boom');
      },
    };
    await expect(explainFlags(rejecting, 'ls', ['-l'])).resolves.toEqual([]);
    await expect(explainFlags(throwing, 'ls', ['-l'])).resolves.toEqual([]);
  });
});

describe('createRunningHelpSource', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nlsh-flag-help-'));
  const marker = join(dir, 'marker');
  const env = { PATH: `${dir}${delimiter}${process.env.PATH ?? ''}` };
  const script = (name: string, body: string): void => {
    writeFileSync(join(dir, name), `#!/bin/sh\n${body}\n`);
    chmodSync(join(dir, name), 0o755);
  };
  script('nlsh-probe', `echo run >> '${marker}'\necho '  -x, --example   an example flag'`);
  script('nlsh-sleeper', 'sleep 5\necho "  -x   too late"');
  script('nlsh-stderr', `echo '  -e   help on stderr' >&2\nexit 1`);
  script('nlsh-fails', `echo '  -e   but failed'\nexit 2`);
  const runs = (): number => (existsSync(marker) ? readFileSync(marker, 'utf8').split('\n').filter(Boolean).length : 0);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs an allowed program and returns its help', async () => {
    const text = await createRunningHelpSource(new Set(['ls']), process.env).helpText('ls');
    expect(text).toContain('--all');
  });

  it('runs git --help hardened like every git nl-sh runs (git reads the repository config)', async () => {
    const bin = join(dir, 'git-bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'git'), `#!/bin/sh\ncase "$*" in *' config --null --name-only --list') exit 0;; esac\nprintf '%s\\n' "$@"\n`);
    chmodSync(join(bin, 'git'), 0o755);
    const text = await createRunningHelpSource(new Set(['git']), { PATH: `${bin}${delimiter}${process.env.PATH ?? ''}` }).helpText('git');
    const args = (text ?? '').trim().split('\n');
    expect(args.slice(0, 2)).toEqual(['--no-pager', '--no-optional-locks']);
    expect(args).toContain('core.fsmonitor=false');
    expect(args.at(-1)).toBe('--help');
  });

  it('never runs a program that is not allowed', async () => {
    expect(await createRunningHelpSource(new Set(['grep']), process.env).helpText('ls')).toBeUndefined();
    expect(await createRunningHelpSource(new Set(['ls']), env).helpText('nlsh-probe')).toBeUndefined();
    expect(runs()).toBe(0);
  });

  it('never runs a path, even to an allowed name', async () => {
    const source = createRunningHelpSource(new Set(['nlsh-probe', 'ls']), env);
    expect(await source.helpText(join(dir, 'nlsh-probe'))).toBeUndefined();
    expect(await source.helpText('./nlsh-probe')).toBeUndefined();
    expect(runs()).toBe(0);
  });

  it('runs an allowed program found on PATH once, caching the answer', async () => {
    const source = createRunningHelpSource(new Set(['nlsh-probe']), env);
    const first = await source.helpText('nlsh-probe');
    const second = await source.helpText('nlsh-probe');
    expect(first).toContain('an example flag');
    expect(second).toBe(first);
    expect(runs()).toBe(1);
    expect(await explainFlags(source, 'nlsh-probe', ['-x'])).toEqual([{ flag: '-x', text: 'an example flag' }]);
    expect(runs()).toBe(1);
  });

  it('gives up on a program that hangs, well before it finishes', async () => {
    const source = createRunningHelpSource(new Set(['nlsh-sleeper']), env);
    const start = Date.now();
    expect(await source.helpText('nlsh-sleeper')).toBeUndefined();
    expect(Date.now() - start).toBeLessThan(3000);
  });

  it('stops reading at 256 KB and keeps what arrived', async () => {
    script('nlsh-flood', "while :; do echo '  -y   yes'; done");
    const text = await createRunningHelpSource(new Set(['nlsh-flood']), env).helpText('nlsh-flood');
    expect(text?.length).toBeGreaterThan(200 * 1024);
    expect(text?.length).toBeLessThanOrEqual(256 * 1024);
  });

  it('takes stderr on exit status 1, but nothing on other failures', async () => {
    const source = createRunningHelpSource(new Set(['nlsh-stderr', 'nlsh-fails', 'nlsh-missing']), env);
    expect(await source.helpText('nlsh-stderr')).toContain('help on stderr');
    expect(await source.helpText('nlsh-fails')).toBeUndefined();
    expect(await source.helpText('nlsh-missing')).toBeUndefined();
  });

  it('runs with a plain C-locale environment', async () => {
    script('nlsh-env', 'echo "  -e   LC_ALL=$LC_ALL COLUMNS=$COLUMNS PAGER=$PAGER NO_COLOR=$NO_COLOR SECRET=$NLSH_TEST_SECRET"');
    const source = createRunningHelpSource(new Set(['nlsh-env']), { ...env, NLSH_TEST_SECRET: 'leak' });
    const [entry] = parseHelpText((await source.helpText('nlsh-env')) ?? '');
    expect(entry?.text).toBe('LC_ALL=C COLUMNS=100 PAGER=cat NO_COLOR=1 SECRET=');
  });
});
