// docs/configuration.md, rendered from the schema: scripts/gen-config-doc.js writes it, and a
// test checks the committed file is what this renders. What each key expects comes from its
// validator, so the doc cannot drift from the checks.

import { CONFIG_FILE_ENV, KEYS, TIER_KEYS, defaultTiers, type KeySpec, type TierKeySpec } from './schema.js';

const code = (s: string): string => `\`${s.replace(/\|/g, '\\|')}\``;
const cell = (s: string): string => s.replace(/\|/g, '\\|');
const expected = (check: (v: unknown) => { ok: boolean; expected?: string }): string => {
  const r = check(undefined);
  return r.ok ? '' : (r.expected ?? '');
};
const toml = (v: unknown): string => (v === undefined ? 'unset' : JSON.stringify(v));

function keyRow(spec: KeySpec<unknown>): string {
  const fallback = spec.fallbackText ?? toml(spec.fallback);
  return `| ${code(spec.toml)} | ${cell(expected(spec.check))} | ${spec.default === undefined ? 'unset' : code(toml(spec.default))} | ${code(spec.env)} | ${code(spec.flag)} | ${cell(fallback)} | ${cell(spec.doc)} |`;
}

function tierRow(spec: TierKeySpec): string {
  const fixed = spec.defaultDoc;
  const def = spec.env ? `${spec.env.map((e) => `$${e}`).join(', then ')}, else ${fixed || 'none'}` : fixed || '—';
  return `| ${code(spec.toml)} | ${spec.backend ?? 'all'} | ${cell(expected(spec.check))} | ${def} | ${cell(spec.doc)} |`;
}

/** The text of docs/configuration.md. */
export function configDoc(): string {
  const keys = Object.values(KEYS) as KeySpec<unknown>[];
  const defaults = defaultTiers.map((t) => `\`${t.name}\` (${t.backend} \`${t.model}\`)`).join(', then ');
  return `<!-- Generated from src/config/schema.ts by scripts/gen-config-doc.js (npm run build first); do not edit. -->
# Configuration

nl-sh reads one TOML file, \`$XDG_CONFIG_HOME/nl-sh/config.toml\` (else \`~/.config/nl-sh/config.toml\`),
or the file named by \`$${CONFIG_FILE_ENV}\`. Every key is optional. The values are merged once, each
later layer overriding the earlier: **defaults, then the file, then environment variables, then
flags**. \`nl-sh --config\` (or \`--config --json\`) shows the effective value of every key and where
it came from: \`default\`, \`file PATH:LINE\`, \`env NAME\` or \`flag --x\`.

A bad value never stops nl-sh: it is reported in one line naming where it was (file and line,
environment variable or flag), the key, what was expected and what was found, and the key takes
the value in the "bad value" column. An empty environment variable counts as unset. A file
that cannot be read or parsed is one line, and nl-sh uses the defaults for everything the file
would have set. Unknown keys are reported and ignored.

## Keys

| Key | Expects | Default | Environment | Flag | Bad value | What it does |
|---|---|---|---|---|---|---|
${keys.map(keyRow).join('\n')}

${keys.flatMap((k) => (k.convention ? [`\`${k.convention.env}\` (set and not empty) makes \`${k.toml}\` ${JSON.stringify(k.convention.value)}, unless \`${k.env}\` is set.`] : [])).join('\n')}

## Model tiers: \`[[tiers]]\`

Each \`[[tiers]]\` table is one model, cheapest first; a request goes to the first tier and
escalates when a tier fails or its confidence is below \`min_confidence\`. Without any
\`[[tiers]]\`, nl-sh uses ${defaults}: its own model when one is installed (\`nl-sh --model pull\`;
\`default\` is the model \`nl-sh --model use\` chose), Ollama when it runs, and Bedrock only when
\`privacy\` allows the cloud (the first and the last are left out when they are not there). A tier with a bad
key makes nl-sh use these default tiers instead of the list (one line names the tier and key).

| Key | Backend | Expects | Default | What it does |
|---|---|---|---|---|
${(Object.values(TIER_KEYS) as TierKeySpec[]).map(tierRow).join('\n')}

## Example

\`\`\`toml
privacy = "cloud-allowed"
daily_cloud_budget_usd = 1.00

[[tiers]]
name = "local"
backend = "ollama"
model = "qwen2.5-coder:7b"
min_confidence = 0.6

[[tiers]]
name = "haiku"
backend = "bedrock"
model = "anthropic.claude-3-5-haiku-20241022-v1:0"
region = "us-east-1"
input_price_per_mtok = 0.8
output_price_per_mtok = 4.0
\`\`\`
`;
}
