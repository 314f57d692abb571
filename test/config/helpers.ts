// Test support for the config: a throwaway XDG_CONFIG_HOME with a config.toml, and loadConfig
// run with the real TOML parser.

import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { parse } from 'smol-toml';
import { loadConfig, type LoadedConfig } from '../../src/config.js';

const dirs: string[] = [];

/** A config home holding `toml` as nl-sh/config.toml (none when undefined); its file's path. */
export function configHome(toml?: string): { env: Record<string, string>; path: string } {
  const home = mkdtempSync(join(tmpdir(), 'nlsh-config-'));
  dirs.push(home);
  const path = join(home, 'nl-sh', 'config.toml');
  mkdirSync(join(home, 'nl-sh'));
  if (toml !== undefined) writeFileSync(path, toml);
  return { env: { HOME: home, XDG_CONFIG_HOME: home }, path };
}

/** Load with the file `toml`, extra environment and flags. */
export async function load(toml: string | undefined, env: Record<string, string> = {}, flags: Record<string, string> = {}): Promise<LoadedConfig & { file: string }> {
  const home = configHome(toml);
  const loaded = await loadConfig({ ...home.env, ...env }, async () => parse as (t: string) => Record<string, unknown>, flags);
  return { ...loaded, file: home.path };
}

/** Remove the config homes made so far. */
export function cleanup(): void {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
}
