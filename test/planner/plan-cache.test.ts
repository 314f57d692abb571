import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { fileCacheStore, planCacheKey } from '../../src/planner/plan-cache.js';
import type { PlanReply } from '../../src/planner/plan-schema.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const dir = () => {
  const d = mkdtempSync(join(tmpdir(), 'nlsh-cache-'));
  dirs.push(d);
  return join(d, 'plans');
};
const reply: PlanReply = { command: 'ls -S', explanation: 'x', parts: [], assumptions: [], needsNetwork: false, needsRoot: false, confidence: 0.8 };

describe('plan cache', () => {
  it('returns what was stored, as written', () => {
    const store = fileCacheStore(dir());
    store.set('k', { reply, tier: 'small', model: 'm', savedAt: Date.now() });
    expect(store.get('k')).toMatchObject({ reply, tier: 'small', model: 'm' });
  });

  it('misses for other keys, old entries, and damaged files', () => {
    const d = dir();
    let now = 1_000_000;
    const store = fileCacheStore(d, 1000, () => now);
    store.set('k', { reply, tier: 'small', model: 'm', savedAt: now });
    expect(store.get('other')).toBeUndefined();
    now += 2000;
    expect(store.get('k')).toBeUndefined();
    writeFileSync(join(d, 'bad.json'), '{"savedAt": 1, "reply": {"command": "\\u001b[2J"}}');
    expect(fileCacheStore(d).get('bad')).toBeUndefined();
    expect(readdirSync(d).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('keys on the request (case and spacing aside) and the directory', () => {
    const ctx = { cwd: '/a', omitted: [] };
    expect(planCacheKey('List  Files', ctx)).toBe(planCacheKey('list files', ctx));
    expect(planCacheKey('list files', ctx)).not.toBe(planCacheKey('list files', { ...ctx, cwd: '/b' }));
  });
});
