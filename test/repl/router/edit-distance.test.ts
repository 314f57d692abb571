import { describe, expect, it } from 'vitest';
import { editDistance, isSwap } from '../../../src/repl/router/edit-distance.js';

describe('editDistance counts insertions, deletions, substitutions and swaps', () => {
  it.each([
    ['git', 'git', 0],
    ['gti', 'git', 1],
    ['sl', 'ls', 1],
    ['gerp', 'grep', 1],
    ['mkdri', 'mkdir', 1],
    ['pyhton', 'python', 1],
    ['dockr', 'docker', 1],
    ['kubeclt', 'kubectl', 1],
    ['abc', 'xyz', 3],
    ['', 'ls', 2],
  ])('%s → %s is %i', (a, b, d) => {
    expect(editDistance(a, b, 5)).toBe(d);
  });

  it('stops at the limit', () => {
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
    expect(editDistance('a', 'abcdefgh', 2)).toBe(3);
  });
});

describe('isSwap', () => {
  it.each([
    ['sl', 'ls', true],
    ['gti', 'git', true],
    ['git', 'git', false],
    ['gt', 'git', false],
    ['abcd', 'badc', false],
  ])('%s / %s is %s', (a, b, expected) => {
    expect(isSwap(a, b)).toBe(expected);
  });
});
