// Reads `[[tiers]]` from a parsed config file with the validators of TIER_KEYS, plus the rules
// that tie keys together (replay needs a file, its model defaults to "replay"). Any broken tier
// drops the whole list, with one line saying which key: half a tier list could send requests
// somewhere the user did not mean.

import { shown } from './checks.js';
import { TIER_KEYS, type TierConfig } from './schema.js';

/** Where a tier key is, as a problem line's "PATH:LINE" and as a source. */
export type TierPlace = (index: number, key: string) => string;

/** The tiers read, with each field's source, or the problems that rejected them. */
export interface TiersRead {
  tiers?: TierConfig[];
  sources: Record<string, string>;
  problems: string[];
}

const fieldOf = new Map(Object.entries(TIER_KEYS).map(([field, spec]) => [spec.toml, field as keyof TierConfig]));

/** Validate the file's `tiers` value; `where(i, key)` names the file and line of a key ('' for the table itself). */
export function readTiers(value: unknown, where: TierPlace, whereList: string): TiersRead {
  const sources: Record<string, string> = {};
  const problems: string[] = [];
  const fail = (at: string, key: string, expected: string, found: unknown): TiersRead => ({
    sources: {},
    problems: [...problems, `${at}: ${key}: expected ${expected}, found ${shown(found)}; using the default tier`],
  });
  if (!Array.isArray(value)) return fail(whereList, 'tiers', 'a list of [[tiers]] tables', value);
  const tiers: TierConfig[] = [];
  for (const [i, raw] of value.entries()) {
    const at = `tiers[${i}]`;
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return fail(where(i, ''), at, 'a table', raw);
    const t = { ...(raw as Record<string, unknown>) };
    const given = new Set(Object.keys(t));
    if (t.backend === 'replay' && t.model === undefined) t.model = 'replay';
    t.name ??= typeof t.backend === 'string' ? `${t.backend}-${i + 1}` : undefined;
    t.timeout_ms ??= 30_000;
    t.min_confidence ??= 0.5;
    const tier: Record<string, unknown> = {};
    for (const [field, spec] of Object.entries(TIER_KEYS)) {
      const v = t[spec.toml];
      const required = spec.toml === 'backend' || spec.toml === 'model' || (spec.toml === 'file' && t.backend === 'replay');
      if (v === undefined && !required) continue;
      const r = spec.check(v);
      if (!r.ok) return fail(where(i, given.has(spec.toml) ? spec.toml : ''), `${at}.${spec.toml}`, r.expected, v);
      tier[field] = r.value;
      sources[`${at}.${spec.toml}`] = given.has(spec.toml) ? `file ${where(i, spec.toml)}` : 'default';
    }
    for (const key of given) if (!fieldOf.has(key)) problems.push(`${where(i, key)}: ${at}.${key}: unknown key (ignored)`);
    tiers.push(tier as unknown as TierConfig);
  }
  return { tiers, sources, problems };
}
