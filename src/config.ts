// nl-sh's configuration, the module the rest of nl-sh imports: the schema (src/config/schema.ts)
// defines every key once; src/config/load.ts merges defaults, the file, the environment and flags
// once into a frozen Config. A file that cannot be read or parsed falls back to the defaults with
// one clear line; a shell must start whatever is in its config.

import { loadConfig, type LoadedConfig } from './config/load.js';

export { KEYS, TIER_KEYS, CONFIG_FILE_ENV, defaultConfig, defaultTiers, type Config, type TierConfig, type Settings } from './config/schema.js';
export { configDir, stateDir, cacheDir, configPath } from './config/paths.js';
export { loadConfig, type LoadedConfig } from './config/load.js';
export type { LoadToml } from './config/file.js';

/** For the composition root: the user's configuration, with smol-toml loaded only when a config file exists. */
export function readUserConfig(env: Record<string, string | undefined>, flags: Readonly<Record<string, string>> = {}): Promise<LoadedConfig> {
  return loadConfig(env, async () => (await import('smol-toml')).parse as (t: string) => Record<string, unknown>, flags);
}

/** Whether nl-sh's own output uses colour: `color` decides; "auto" means when the terminal is not dumb (NO_COLOR is already in `color`). */
export function colorEnabled(config: Readonly<{ color: 'auto' | 'always' | 'never' }>, env: Record<string, string | undefined>): boolean {
  if (config.color !== 'auto') return config.color === 'always';
  return env.TERM !== undefined && env.TERM !== 'dumb';
}
