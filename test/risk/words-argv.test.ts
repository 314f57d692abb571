import { describe, expect, it } from 'vitest';
import { parseArgv } from '../../src/risk/argv.js';
import { decodeBase64, foldEcho, foldPrintf } from '../../src/risk/fold.js';
import { segmentMatches } from '../../src/risk/glob-match.js';
import { isVariantOf, compilePaths } from '../../src/risk/paths.js';
import { pathRules } from '../../src/risk/rules/paths-data.js';
import { decodeAnsiC, expandBraces, literalWord } from '../../src/risk/words.js';

const words = (...ws: string[]) => ws.map(literalWord);
const flagsOf = (...ws: string[]) => [...parseArgv(words(...ws), { withValue: ['-n', '--namespace'], attachedOnly: ['-i'] }).flags.keys()];

describe('parseArgv', () => {
  it.each([
    [['-rf', 'x'], ['-r', '-f']],
    [['-r', '-f', 'x'], ['-r', '-f']],
    [['x', '--recursive', '--force'], ['--recursive', '--force']],
    [['-n5', 'x'], ['-n']],
    [['--namespace=prod', 'x'], ['--namespace']],
    [['-i.bak', 'x'], ['-i']],
    [['--', '-rf'], ['--']],
  ])('%j has the flags %j', (input, flags) => {
    expect(flagsOf(...input)).toEqual(flags);
  });

  it('takes the next word as a value', () => {
    const p = parseArgv(words('-n', 'prod', 'get'), { withValue: ['-n'] });
    expect(p.flags.get('-n')).toEqual(['prod']);
    expect(p.positionals.map((w) => w.value)).toEqual(['get']);
  });

  it('stops at the first positional for wrappers', () => {
    const p = parseArgv(words('-u', 'bob', 'rm', '-rf', 'x'), { withValue: ['-u'], stopAtPositional: true });
    expect(p.rest.map((w) => w.value)).toEqual(['rm', '-rf', 'x']);
    expect(p.flags.has('-r')).toBe(false);
  });

  it('reads old-style tar bundles', () => {
    const p = parseArgv(words('xzf', 'a.tgz'), { withValue: ['-f'], firstArgFlags: true });
    expect([...p.flags.keys()]).toEqual(['-x', '-z', '-f']);
    expect(p.flags.get('-f')).toEqual(['a.tgz']);
  });

  it('keeps single-dash long options whole', () => {
    expect([...parseArgv(words('-name', 'x', '-delete'), { singleDashLong: true, withValue: ['-name'] }).flags.keys()]).toEqual(['-name', '-delete']);
  });
});

describe('word helpers', () => {
  it.each([
    ['r{m,}', ['rm', 'r']],
    ['{rm,-rf,x}', ['rm', '-rf', 'x']],
    ['f{1..3}', ['f1', 'f2', 'f3']],
    ['{a,b}{c,d}', ['ac', 'ad', 'bc', 'bd']],
    ['plain', ['plain']],
  ])('expandBraces(%s) is %j', (input, out) => {
    expect(expandBraces(input)).toEqual(out);
  });

  it('decodes $\'...\' strings', () => {
    expect(decodeAnsiC('\\x72m \\101\\n')).toBe('rm A\n');
  });

  it('folds echo and printf of literals', () => {
    expect(foldEcho(['-n', 'rm'])).toBe('rm');
    expect(foldPrintf('r%s', ['m'])).toBe('rm');
    expect(foldPrintf('%s\\n', ['a', 'b'])).toBe('a\nb\n');
  });

  it('decodes base64, and refuses what is not', () => {
    expect(decodeBase64('cm0gLXJmIGJ1aWxk')).toBe('rm -rf build');
    expect(decodeBase64('not base64!')).toBeUndefined();
  });

  it('matches glob segments like bash', () => {
    expect(segmentMatches('*.log', 'a.log')).toBe(true);
    expect(segmentMatches('*.log', '.a.log')).toBe(false);
    expect(segmentMatches('[!a]?', 'bc')).toBe(true);
    expect(segmentMatches('\\*', 'x')).toBe(false);
  });

  it.each([
    ['config.prod.json', 'config.json', true],
    ['app.conf.bak', 'app.conf', true],
    ['.env.example', '.env', false],
    ['src/utils.ts', 'src/lib/utils.ts', false],
    ['a.txt', 'b.txt', false],
  ])('mv %s %s: the target evidently exists is %s', (source, target, variant) => {
    expect(isVariantOf(source, target, compilePaths(pathRules))).toBe(variant);
  });
});
