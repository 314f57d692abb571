// nl-sh's XDG directories and the config file's path, from the environment given (never
// process.env directly), so that tests and `--config` see the same answer as the shell.

import { join } from 'node:path';
import { homedir } from 'node:os';
import { CONFIG_FILE_ENV } from './schema.js';

type Env = Record<string, string | undefined>;

/** nl-sh's config directory: $XDG_CONFIG_HOME/nl-sh, else ~/.config/nl-sh. */
export function configDir(env: Env): string {
  return join(env.XDG_CONFIG_HOME || join(env.HOME || homedir(), '.config'), 'nl-sh');
}

/** nl-sh's state directory (history, audit log, spending): $XDG_STATE_HOME/nl-sh. */
export function stateDir(env: Env): string {
  return join(env.XDG_STATE_HOME || join(env.HOME || homedir(), '.local', 'state'), 'nl-sh');
}

/** nl-sh's cache directory (cached plans): $XDG_CACHE_HOME/nl-sh. */
export function cacheDir(env: Env): string {
  return join(env.XDG_CACHE_HOME || join(env.HOME || homedir(), '.cache'), 'nl-sh');
}

/** Where the user's config file lives: $NLSH_CONFIG when set, else config.toml in configDir. */
export function configPath(env: Env): string {
  return env[CONFIG_FILE_ENV] || join(configDir(env), 'config.toml');
}
