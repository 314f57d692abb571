// The walk's budget: a line that takes longer than the deadline fails closed, globs repeated in
// a line are expanded once and share one budget, and brace expansion beyond its bounds makes the
// words unknown (at least "writes"), never "read_only".

import { performance } from 'node:perf_hooks';
import { beforeAll, describe, expect, it } from 'vitest';
import { expandBraces } from '../../src/risk/braces.js';
import { loadRiskClassifier, type FsFacts, type GlobBudget, type RiskClassifier } from '../../src/risk/index.js';

let classifier: RiskClassifier;
beforeAll(async () => {
  classifier = await loadRiskClassifier();
});

function fakeFacts(overrides: Partial<FsFacts> = {}): FsFacts {
  return { cwd: '/project', home: '/home/me', exists: () => false, isDir: () => false, glob: () => ({ paths: [], complete: true }), ...overrides };
}

describe('the walk deadline', () => {
  it('a line whose facts are slow fails closed as "too large to judge completely"', () => {
    let asked = 0;
    const slow = fakeFacts({
      exists: () => {
        asked++;
        const until = performance.now() + 5;
        while (performance.now() < until);
        return false;
      },
    });
    const line = Array.from({ length: 40 }, (_, i) => `echo x > f${i}`).join('; ');
    const a = classifier.classify(line, slow);
    // The walk stopped asking once the deadline passed (40 targets would take 200 ms): counted, not
    // timed, so a busy machine cannot fail it.
    expect(asked).toBeGreaterThan(0);
    expect(asked).toBeLessThan(40);
    expect(a.level).toBe('privileged');
    expect(a.reasons.some((r) => r.why === 'too large to judge completely')).toBe(true);
    // The same line with quick facts is judged completely.
    expect(classifier.classify(line, fakeFacts()).level).toBe('writes');
  });

  it('a short line is never cut short by the clock (a pause or a busy machine is not "too large")', () => {
    const slow = fakeFacts({
      exists: () => {
        const until = performance.now() + 40;
        while (performance.now() < until);
        return false;
      },
    });
    const a = classifier.classify('echo x > a; echo y > b; echo z > c', slow);
    expect(a.level).toBe('writes');
    expect(a.reasons.some((r) => r.why === 'too large to judge completely')).toBe(false);
  });
});

describe('globs in one line', () => {
  it('a pattern repeated in the line is expanded once', () => {
    let calls = 0;
    const facts = fakeFacts({ glob: () => ((calls += 1), { paths: ['one.tmp'], complete: true }) });
    classifier.classify('rm *.tmp *.tmp; rm -f *.tmp && rm *.tmp', facts);
    expect(calls).toBe(1);
  });

  it('distinct patterns share one budget per line, and each line gets a fresh one', () => {
    const budgets = new Set<GlobBudget | undefined>();
    const facts = fakeFacts({ glob: (_p, _c, budget) => (budgets.add(budget), { paths: [], complete: true }) });
    classifier.classify('rm *.a *.b *.c', facts);
    expect(budgets.size).toBe(1);
    expect([...budgets][0]).toBeDefined();
    classifier.classify('rm *.d', facts);
    expect(budgets.size).toBe(2);
  });

  it('a glob cut short says so instead of "matches nothing"', () => {
    const facts = fakeFacts({ glob: () => ({ paths: [], complete: false }) });
    const why = classifier.classify('rm *.log', facts).reasons.find((r) => r.kind === 'fact')?.why;
    expect(why).toMatch(/stopped looking/);
  });
});

describe('bounded brace expansion', () => {
  it.each([
    ['{1..100000}'],
    ['x{1..1001}'],
    ['{a,b}'.repeat(20)],
  ])('%s is beyond the bounds', (word) => {
    expect(expandBraces(word)).toBeUndefined();
  });

  it('expands up to the bounds', () => {
    expect(expandBraces('f{1..1000}')).toHaveLength(1000);
    expect(expandBraces('{a,b}'.repeat(9))).toHaveLength(512);
    expect(expandBraces('{a,{b,c}}x')).toEqual(['ax', 'bx', 'cx']);
  });

  it.each([
    ['ls {1..100000}', 'writes'],
    [`ls ${'{a,b}'.repeat(20)}`, 'writes'],
    ['chmod 644 x{1..5000}', 'writes'],
    ['{r,s}{m,h}{1..9999} -rf /', 'destructive'],
  ])('%s is at least %s', (line, level) => {
    const a = classifier.classify(line);
    expect(a.level).not.toBe('read_only');
    expect(a.level).toBe(level);
  });
});
