// The pathname matcher: bash's rules for `*`, `?`, `[...]`, escapes and leading dots, the same
// answers as a reference regex on random short inputs, and linear time where a backtracking
// regex took minutes.

import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { compileSegment, matchSegment, segmentMatches } from '../../src/risk/glob-match.js';

describe('segment patterns like bash', () => {
  it.each([
    ['*.log', 'a.log', true],
    ['*.log', '.a.log', false],
    ['.*', '.bashrc', true],
    ['\\.*', '.bashrc', true],
    ['?', '.', false],
    ['[.]x', '.x', false],
    ['*', '', true],
    ['a*b*c', 'aXbYc', true],
    ['a*b*c', 'aXbYd', false],
    ['*a*a*b', 'aaab', true],
    ['*a*a*b', 'aab', true],
    ['*a*a*b', 'ab', false],
    ['[abc]x', 'bx', true],
    ['[!abc]x', 'bx', false],
    ['[^abc]x', 'dx', true],
    ['[a-c]', 'b', true],
    ['[a-c]', 'd', false],
    ['[]]', ']', true],
    ['[!]]', 'a', true],
    ['[!]]', ']', false],
    ['[a-]', '-', true],
    ['[[:digit:]]x', '7x', true],
    ['[[:digit:]]x', 'ax', false],
    ['[abc', '[abc', true],
    ['\\*', '*', true],
    ['\\*', 'x', false],
    ['\\[a]', '[a]', true],
    ['a?c', 'abc', true],
    ['a?c', 'ac', false],
    ['**', 'anything', true],
  ])('%s against %j is %s', (pattern, name, expected) => {
    expect(segmentMatches(pattern, name)).toBe(expected);
  });

  it('agrees with a reference regex on random short patterns and names', () => {
    const alphabet = ['a', 'b', '*', '?', '[ab]', '[!a]', '.'];
    let seed = 7;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let i = 0; i < 3000; i++) {
      const pattern = Array.from({ length: 1 + next(6) }, () => alphabet[next(alphabet.length)]).join('');
      const name = Array.from({ length: next(8) }, () => 'ab.'[next(3)]).join('');
      expect(segmentMatches(pattern, name), `${pattern} ${name}`).toBe(referenceRegex(pattern).test(name));
    }
  });

  it('matches in linear time where a backtracking regex does not finish', () => {
    const pattern = compileSegment(`${'*a'.repeat(2000)}*b`);
    const few = compileSegment(`${'*a'.repeat(30)}*b`);
    const name = 'a'.repeat(255);
    const start = performance.now();
    for (let i = 0; i < 1000; i++) {
      expect(matchSegment(pattern, name)).toBe(false);
      expect(matchSegment(few, name)).toBe(false);
    }
    expect(performance.now() - start).toBeLessThan(200);
  });
});

/** The old translation to a regex: right on short inputs, exponential on long ones. */
function referenceRegex(segment: string): RegExp {
  const body = segment
    .replace(/\[!/g, '[^')
    .split(/(\[\^?[^\]]*\])/)
    .map((part) => (part.startsWith('[') ? part : part.replace(/[.]/g, '\\.').replace(/\*/g, '.*').replace(/\?/g, '.')))
    .join('');
  return new RegExp(`^${segment.startsWith('.') ? '' : '(?!\\.)'}${body}$`);
}
