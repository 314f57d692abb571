// `nl-sh --config [--json]`: the effective configuration, each key with its value and where it
// came from (default, file and line, environment variable, flag), problems first. Exit status 0
// when the configuration has no problems, 1 otherwise.

import { KEYS, TIER_KEYS, readUserConfig, type LoadedConfig } from '../config.js';

/** One row of the report. */
interface Row {
  key: string;
  value: unknown;
  source: string;
}

/** Every effective value, top-level keys in schema order, then each tier's keys. */
function rows(loaded: LoadedConfig): Row[] {
  const { config, sources } = loaded;
  const out: Row[] = Object.entries(KEYS).map(([field, spec]) => ({ key: spec.toml, value: config[field as keyof typeof KEYS], source: sources[spec.toml] ?? 'default' }));
  for (const [i, tier] of config.tiers.entries()) {
    for (const [field, spec] of Object.entries(TIER_KEYS)) {
      const value = (tier as unknown as Record<string, unknown>)[field];
      if (value === undefined) continue;
      const key = `tiers[${i}].${spec.toml}`;
      out.push({ key, value, source: sources[key] ?? sources.tiers ?? 'default' });
    }
  }
  return out;
}

const show = (v: unknown): string => (v === undefined ? '(unset)' : typeof v === 'string' ? JSON.stringify(v) : String(v));

/** The report as text or JSON, and the exit status. */
export async function runConfigCommand(opts: { env: Record<string, string | undefined>; json: boolean; flags?: Readonly<Record<string, string>> }): Promise<{ output: string; status: number }> {
  const loaded = await readUserConfig(opts.env, opts.flags);
  const status = loaded.problems.length === 0 ? 0 : 1;
  const table = rows(loaded);
  if (opts.json) {
    const settings = table.map((r) => ({ key: r.key, value: r.value ?? null, source: r.source }));
    return { output: `${JSON.stringify({ file: loaded.path, problems: loaded.problems, settings }, null, 2)}\n`, status };
  }
  const lines: string[] = [];
  if (loaded.problems.length) lines.push('Problems:', ...loaded.problems.map((p) => `  ${p}`), '');
  lines.push(`Config file: ${loaded.path}`, '');
  const keyWidth = Math.max(...table.map((r) => r.key.length)) + 2;
  const valueWidth = Math.min(40, Math.max(...table.map((r) => show(r.value).length))) + 2;
  for (const r of table) lines.push(`${r.key.padEnd(keyWidth)}${show(r.value).padEnd(valueWidth)}${r.source}`);
  return { output: `${lines.join('\n')}\n`, status };
}
