// The same request in the same context answers from a local cache, without a model call. One
// small JSON file per key under the cache directory, written atomically (temp file + rename) so
// concurrent sessions never see half a file. A damaged entry is a miss, never an error.

import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readFileSafeSync } from '../read-file.js';
import { parsePlanReply, type PlanReply } from './plan-schema.js';

/** A plan as cached: the reply and where it came from. */
export interface CachedPlan {
  reply: PlanReply;
  tier: string;
  model: string;
  savedAt: number;
}

/** Where cached plans live (injected, so tests can use memory). */
export interface PlanCacheStore {
  get(key: string): CachedPlan | undefined;
  set(key: string, plan: CachedPlan): void;
}

/** What a cached plan depends on besides the request (cheap to learn: no process is run). */
export interface PlanCacheBasis {
  cwd: string;
  os?: string;
  tools?: readonly string[];
  branch?: string;
}

/** The cache key: the request, and the parts of the context a plan depends on. */
export function planCacheKey(request: string, basis: PlanCacheBasis): string {
  const text = JSON.stringify({ v: 2, request: request.trim().replace(/\s+/g, ' ').toLowerCase(), cwd: basis.cwd, os: basis.os ?? '', tools: basis.tools ?? [], branch: basis.branch ?? '' });
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

const maxEntryBytes = 1024 * 1024;

/** Cached plans as files in `dir` (created on first write); entries older than `maxAgeMs` miss. */
export function fileCacheStore(dir: string, maxAgeMs = 7 * 24 * 3600 * 1000, now: () => number = Date.now): PlanCacheStore {
  return {
    get(key) {
      // An entry that is not a regular file, or past the cap, is a miss.
      const read = readFileSafeSync(join(dir, `${key}.json`), { maxBytes: maxEntryBytes });
      if (!read.ok) return undefined;
      try {
        const data = JSON.parse(read.value) as Partial<CachedPlan> & { reply?: unknown };
        if (typeof data.savedAt !== 'number' || now() - data.savedAt > maxAgeMs) return undefined;
        // Re-validate: a cache file is as untrusted as a model reply (it is stored as the model wrote it).
        const parsed = parsePlanReply(JSON.stringify(data.reply));
        if (!parsed.ok || typeof data.tier !== 'string' || typeof data.model !== 'string') return undefined;
        return { reply: parsed.reply, tier: data.tier, model: data.model, savedAt: data.savedAt };
      } catch {
        return undefined;
      }
    },
    set(key, plan) {
      try {
        mkdirSync(dir, { recursive: true, mode: 0o700 });
        const tmp = join(dir, `.${key}.${process.pid}.tmp`);
        writeFileSync(tmp, JSON.stringify({ ...plan, reply: toWire(plan.reply) }), { mode: 0o600 });
        renameSync(tmp, join(dir, `${key}.json`));
      } catch {
        // A cache that cannot be written only costs a model call next time.
      }
    },
  };
}

/** A reply in the schema's field names (as models write it). */
function toWire(reply: unknown): unknown {
  if (!reply || typeof reply !== 'object') return reply;
  const r = reply as PlanReply;
  return { command: r.command, explanation: r.explanation, parts: r.parts, assumptions: r.assumptions, needs_network: r.needsNetwork, needs_root: r.needsRoot, confidence: r.confidence };
}
