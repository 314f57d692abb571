// `nl-sh --config [--json]` through the launcher: every effective key with its value and
// source, problems first, exit status 1 when there are problems.

import { afterEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { makeHome, nlshBin, shellEnv } from '../support/fixtures.js';

let home: ReturnType<typeof makeHome> | undefined;
afterEach(() => home?.cleanup());

function config(files: Record<string, string>, args: string[] = [], extra: Record<string, string> = {}) {
  home = makeHome(files);
  const r = spawnSync(nlshBin, ['--config', ...args], { cwd: home.home, env: shellEnv(home.home, extra), encoding: 'utf8', timeout: 20_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, file: join(home.home, '.config', 'nl-sh', 'config.toml') };
}

describe('nl-sh --config', () => {
  it('shows each key, its value and its source; exit 0 without problems', () => {
    const r = config({ '.config/nl-sh/config.toml': 'privacy = "cloud-allowed"\n\n[[tiers]]\nname = "small"\nbackend = "ollama"\nmodel = "m:1b"\n' }, [], { NLSH_NL_PREFIX: ';' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).not.toMatch(/Problems/);
    expect(r.stdout).toContain(`Config file: ${r.file}`);
    expect(r.stdout).toMatch(/^capture_bytes\s+1048576\s+default$/m);
    expect(r.stdout).toMatch(/^nl_prefix\s+";"\s+env NLSH_NL_PREFIX$/m);
    expect(r.stdout).toMatch(new RegExp(`^privacy\\s+"cloud-allowed"\\s+file ${r.file}:1$`, 'm'));
    expect(r.stdout).toMatch(/^color\s+"auto"\s+default$/m);
    expect(r.stdout).toMatch(/^daily_cloud_budget_usd\s+\(unset\)\s+default$/m);
    expect(r.stdout).toMatch(new RegExp(`^tiers\\[0\\]\\.model\\s+"m:1b"\\s+file ${r.file}:6$`, 'm'));
    // The test environment points OLLAMA_HOST at a closed port.
    expect(r.stdout).toMatch(/^tiers\[0\]\.host\s+"127\.0\.0\.1:47"\s+env OLLAMA_HOST$/m);
  });

  it('a flag beats the environment and the file, and says so', () => {
    home = makeHome({ '.config/nl-sh/config.toml': 'privacy = "local-only"\n' });
    const f = spawnSync(nlshBin, ['--privacy=cloud-allowed', '--config'], { cwd: home.home, env: shellEnv(home.home, { NLSH_PRIVACY: 'local-only' }), encoding: 'utf8', timeout: 20_000 });
    expect(f.status).toBe(0);
    expect(f.stdout).toMatch(/^privacy\s+"cloud-allowed"\s+flag --privacy$/m);
  });

  it('lists problems first, each with file, line, key, expected and found; exit 1', () => {
    const r = config({ '.config/nl-sh/config.toml': 'nl_prefix = 42\ncolour = "never"\n' }, [], { NO_COLOR: '1' });
    expect(r.status).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Problems:');
    expect(lines[1]).toBe(`  ${r.file}:1: nl_prefix: expected up to 4 non-blank characters, found 42; using ","`);
    expect(lines[2]).toBe(`  ${r.file}:2: colour: unknown key (ignored)`);
    expect(r.stdout).toMatch(/^color\s+"never"\s+env NO_COLOR$/m);
  });

  it('--json gives the same as data', () => {
    const r = config({}, ['--json'], { NLSH_CONFIG: '/nonexistent/x.toml', NLSH_PRIVACY: 'cloud-allowed' });
    expect(r.status).toBe(1);
    const data = JSON.parse(r.stdout) as { file: string; problems: string[]; settings: { key: string; value: unknown; source: string }[] };
    expect(data.file).toBe('/nonexistent/x.toml');
    expect(data.problems).toEqual(['/nonexistent/x.toml: NLSH_CONFIG names this file, which does not exist; using defaults']);
    expect(data.settings).toContainEqual({ key: 'privacy', value: 'cloud-allowed', source: 'env NLSH_PRIVACY' });
    expect(data.settings).toContainEqual({ key: 'daily_cloud_budget_usd', value: null, source: 'default' });
    expect(data.settings).toContainEqual({ key: 'tiers[0].name', value: 'local', source: 'default' });
  });
});
