// nl-sh's configuration: one schema, defaults merged once with the user's file, frozen.
// A file that cannot be read or parsed falls back to the defaults with one clear line; a shell
// must start whatever is in its config.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { homedir } from 'node:os';

/** The effective configuration. */
export interface Config {
  /** Bytes kept of the last command's output for `?` questions and planner context. */
  captureBytes: number;
  /** A line starting with this goes to the model. */
  nlPrefix: string;
  /** A line starting with this goes to bash as typed. */
  shellPrefix: string;
}

/** Defaults used when nothing says otherwise. */
export const defaultConfig: Readonly<Config> = Object.freeze({ captureBytes: 1 << 20, nlPrefix: ',', shellPrefix: '\\' });

/** nl-sh's config directory: $XDG_CONFIG_HOME/nl-sh, else ~/.config/nl-sh. */
export function configDir(env: Record<string, string | undefined>): string {
  return join(env.XDG_CONFIG_HOME || join(env.HOME || homedir(), '.config'), 'nl-sh');
}

/** Where the user's config file lives. */
export function configPath(env: Record<string, string | undefined>): string {
  return join(configDir(env), 'config.toml');
}

/** The config and the problems found reading it (each one line for the user). */
export interface LoadedConfig {
  config: Readonly<Config>;
  problems: string[];
}

/** Load the config file; never throws. The TOML parser is loaded only when there is a file. */
export async function loadConfig(env: Record<string, string | undefined>, loadToml: () => Promise<(text: string) => Record<string, unknown>>): Promise<LoadedConfig> {
  const path = configPath(env);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { config: defaultConfig, problems: [] };
    return { config: defaultConfig, problems: [`cannot read ${path} (${code ?? String(err)}); using defaults`] };
  }
  let data: Record<string, unknown>;
  try {
    data = (await loadToml())(text);
  } catch (err) {
    const first = String((err as Error).message ?? err).split('\n')[0];
    return { config: defaultConfig, problems: [`${path}: ${first}; using defaults`] };
  }
  const problems: string[] = [];
  const config: Config = { ...defaultConfig };
  for (const [key, value] of Object.entries(data)) {
    if (key === 'capture_bytes') {
      if (typeof value === 'number' && Number.isInteger(value) && value >= 4096 && value <= 64 << 20) config.captureBytes = value;
      else problems.push(`${path}: capture_bytes: expected a whole number of bytes from 4096 to 67108864, found ${JSON.stringify(value)}; using ${defaultConfig.captureBytes}`);
    } else if (key === 'nl_prefix' || key === 'shell_prefix') {
      const field = key === 'nl_prefix' ? 'nlPrefix' : 'shellPrefix';
      if (typeof value === 'string' && value.length <= 4 && !/\s/.test(value)) config[field] = value;
      else problems.push(`${path}: ${key}: expected up to 4 non-blank characters, found ${JSON.stringify(value)}; using ${JSON.stringify(defaultConfig[field])}`);
    } else {
      problems.push(`${path}: unknown key ${JSON.stringify(key)} (ignored)`);
    }
  }
  return { config: Object.freeze(config), problems };
}
