// The one-tier nl-sh configuration the evaluation asks with, written into an isolated config
// directory: `--model GGUF` becomes an embedded tier; `--tier NAME` copies that tier (and the
// privacy setting) from the user's own config file unchanged, so keys this harness does not know
// still reach nl-sh, which validates them.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { parse, stringify } from 'smol-toml';

/** A GGUF file as a config with one embedded tier. */
export function embeddedTierConfig(gguf) {
  const model = isAbsolute(gguf) ? gguf : resolve(gguf);
  if (!existsSync(model)) throw new Error(`no model file at ${model}`);
  return stringify({ tiers: [{ name: 'embedded', backend: 'embedded', model, timeout_ms: 120_000 }] });
}

/** The tier called `name` in the user's config file at `path`, as a config of its own. */
export function userTierConfig(path, name) {
  if (!existsSync(path)) throw new Error(`no config file at ${path} to take tier "${name}" from`);
  const file = parse(readFileSync(path, 'utf8'));
  const tiers = Array.isArray(file.tiers) ? file.tiers : [];
  const tier = tiers.find((t, i) => (t.name ?? `${t.backend}-${i + 1}`) === name);
  if (!tier) throw new Error(`${path} has no tier named "${name}" (it has: ${tiers.map((t, i) => t.name ?? `${t.backend}-${i + 1}`).join(', ') || 'none'})`);
  return stringify({ ...(file.privacy !== undefined ? { privacy: file.privacy } : {}), tiers: [{ ...tier, name }] });
}

/** An isolated home for nl-sh under `root`: empty HOME, its own config, cache and state; the environment to run it with. */
export function isolatedNlshEnv(root, configText, passThrough = process.env) {
  const home = join(root, 'home');
  const dirs = { XDG_CONFIG_HOME: join(root, 'config'), XDG_CACHE_HOME: join(root, 'cache'), XDG_STATE_HOME: join(root, 'state') };
  for (const d of [home, ...Object.values(dirs)]) mkdirSync(d, { recursive: true });
  mkdirSync(join(dirs.XDG_CONFIG_HOME, 'nl-sh'), { recursive: true });
  writeFileSync(join(dirs.XDG_CONFIG_HOME, 'nl-sh', 'config.toml'), configText);
  // Cloud tiers find their credentials in the environment (the isolated HOME has no ~/.aws).
  const credentials = Object.fromEntries(Object.entries(passThrough).filter(([k]) => /^AWS_/.test(k)));
  return { ...credentials, PATH: passThrough.PATH ?? '/usr/bin:/bin', HOME: home, ...dirs, LANG: 'C.UTF-8', TZ: 'UTC', TERM: 'dumb', SHELL: '/bin/bash' };
}
