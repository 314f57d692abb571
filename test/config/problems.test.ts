// Every way a configuration can be wrong: one line naming where (file and line, env or flag),
// the key, what was expected and what was found, and the documented fallback in use.

import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { loadConfig, type Config } from '../../src/config.js';
import { cleanup, configHome, load } from './helpers.js';

afterEach(cleanup);

// key, field, bad TOML value, expected text, found text, fallback value, "using" text
const bad: [string, keyof Config, string, string, string, unknown, string][] = [
  ['capture_bytes', 'captureBytes', '100', 'a whole number of bytes from 4096 to 67108864', '100', 1 << 20, '1048576'],
  ['capture_bytes', 'captureBytes', '"big"', 'a whole number of bytes from 4096 to 67108864', '"big"', 1 << 20, '1048576'],
  ['nl_prefix', 'nlPrefix', '42', 'up to 4 non-blank characters', '42', ',', '","'],
  ['nl_prefix', 'nlPrefix', '"a b"', 'up to 4 non-blank characters', '"a b"', ',', '","'],
  ['shell_prefix', 'shellPrefix', '"toolong"', 'up to 4 non-blank characters', '"toolong"', '\\', '"\\\\"'],
  ['privacy', 'privacy', '"public"', '"local-only" or "cloud-allowed"', '"public"', 'local-only', '"local-only"'],
  ['daily_cloud_budget_usd', 'dailyCloudBudgetUsd', '-1', 'a number of dollars (0 or more)', '-1', 0, '0 (no cloud calls)'],
  ['daily_cloud_budget_usd', 'dailyCloudBudgetUsd', '"lots"', 'a number of dollars (0 or more)', '"lots"', 0, '0 (no cloud calls)'],
  ['audit_journal', 'auditJournal', '"yes"', 'true or false', '"yes"', false, 'false'],
  ['color', 'color', '"blue"', '"auto", "always" or "never"', '"blue"', 'auto', '"auto"'],
];

describe('bad values', () => {
  it.each(bad)('%s = %s in the file → the fallback, and one line', async (key, field, value, expected, found, fallback, using) => {
    const r = await load(`# my config\n${key} = ${value}\n`);
    const line = 2;
    expect(r.config[field]).toEqual(fallback);
    expect(r.problems).toEqual([`${r.file}:${line}: ${key}: expected ${expected}, found ${found}; using ${using}`]);
    expect(r.sources[key]).toBe(`fallback (bad value in file ${r.file}:${line})`);
  });

  it.each([
    ['NLSH_CAPTURE_BYTES', 'lots', 'capture_bytes', 'captureBytes', '"lots"', 1 << 20],
    ['NLSH_PRIVACY', 'cloud', 'privacy', 'privacy', '"cloud"', 'local-only'],
    ['NLSH_DAILY_CLOUD_BUDGET_USD', 'ten', 'daily_cloud_budget_usd', 'dailyCloudBudgetUsd', '"ten"', 0],
    ['NLSH_AUDIT_JOURNAL', 'maybe', 'audit_journal', 'auditJournal', '"maybe"', false],
    ['NLSH_NL_PREFIX', 'a b', 'nl_prefix', 'nlPrefix', '"a b"', ','],
  ] as const)('%s=%s → the fallback, and one line naming the variable', async (name, value, key, field, found, fallback) => {
    const r = await load(undefined, { [name]: value });
    expect(r.config[field]).toEqual(fallback);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatch(new RegExp(`^env ${name}: ${key}: expected .+, found ${found.replace(/"/g, '"')}; using `));
  });

  it('a bad flag is one line naming the flag; an unknown flag is ignored with a line', async () => {
    const r = await load(undefined, {}, { '--privacy': 'open', '--colour': 'never' });
    expect(r.config.privacy).toBe('local-only');
    expect(r.problems).toEqual(['flag --colour: unknown (ignored)', 'flag --privacy: privacy: expected "local-only" or "cloud-allowed", found "open"; using "local-only"']);
  });

  it('a bad value the environment overrides says what is used instead, and from where', async () => {
    const r = await load('privacy = "open"\n', { NLSH_PRIVACY: 'cloud-allowed' });
    expect(r.config.privacy).toBe('cloud-allowed');
    expect(r.problems).toEqual([`${r.file}:1: privacy: expected "local-only" or "cloud-allowed", found "open"; using "cloud-allowed" (env NLSH_PRIVACY)`]);
  });

  it('a bad value in the environment falls back even when the file is good (a budget to 0)', async () => {
    const r = await load('daily_cloud_budget_usd = 5\n', { NLSH_DAILY_CLOUD_BUDGET_USD: 'unlimited' });
    expect(r.config.dailyCloudBudgetUsd).toBe(0);
    expect(r.problems).toHaveLength(1);
  });
});

describe('bad tiers', () => {
  it.each([
    ['[[tiers]]\nname = "a"\nbackend = "openai"\nmodel = "m"\n', 3, 'tiers[0].backend: expected "ollama", "bedrock", "embedded" or "replay", found "openai"'],
    ['[[tiers]]\nbackend = "ollama"\nmodel = "m"\n[[tiers]]\nbackend = "ollama"\n', 4, 'tiers[1].model: expected a model name, found nothing'],
    ['[[tiers]]\nbackend = "ollama"\nmodel = ""\n', 3, 'tiers[0].model: expected a model name, found ""'],
    ['[[tiers]]\nbackend = "replay"\n', 1, 'tiers[0].file: expected the path of a recording (JSONL), found nothing'],
    ['[[tiers]]\nbackend = "ollama"\nmodel = "m"\n\n[[tiers]]\nbackend = "ollama"\nmodel = "m"\ntimeout_ms = 5\n', 8, 'tiers[1].timeout_ms: expected milliseconds from 100 to 600000, found 5'],
    ['[[tiers]]\nbackend = "ollama"\nmodel = "m"\nmin_confidence = 2\n', 4, 'tiers[0].min_confidence: expected a number from 0 to 1, found 2'],
    ['[[tiers]]\nbackend = "ollama"\nmodel = "m"\nhost = 11434\n', 4, 'tiers[0].host: expected a string, found 11434'],
    ['[[tiers]]\nbackend = "bedrock"\nmodel = "m"\noutput_price_per_mtok = -4\n', 4, 'tiers[0].output_price_per_mtok: expected dollars per million tokens, found -4'],
    ['tiers = "fast"\n', 1, 'tiers: expected a list of [[tiers]] tables, found "fast"'],
  ])('%j → the default tier, and one line', async (toml, line, message) => {
    const r = await load(toml);
    expect(r.problems).toEqual([`${r.file}:${line}: ${message}; using the default tier`]);
    expect(r.config.tiers).toEqual([{ name: 'local', backend: 'ollama', model: 'qwen2.5-coder:7b', timeoutMs: 30_000, minConfidence: 0.5 }]);
    expect(r.sources.tiers).toBe('default');
  });
});

describe('files that cannot be used', () => {
  it('a syntax error: one line with its line and column; env still applies', async () => {
    const r = await load('nl_prefix = ";"\nprivacy = \n', { NLSH_SHELL_PREFIX: '!' });
    expect(r.problems).toEqual([`${r.file}:2:11: not valid TOML: invalid value; using defaults`]);
    expect(r.config.nlPrefix).toBe(',');
    expect(r.config.shellPrefix).toBe('!');
  });

  it('a directory where the file should be (EISDIR): one line, the defaults', async () => {
    const home = configHome();
    mkdirSync(home.path);
    const r = await loadConfig(home.env, async () => () => ({}));
    expect(r.problems).toEqual([`${home.path}: not a regular file (a directory); using defaults`]);
    expect(r.config.captureBytes).toBe(1 << 20);
  });

  it('a parser that cannot even load: one line, the defaults (never throws)', async () => {
    const home = configHome('a = 1\n');
    const r = await loadConfig(home.env, () => Promise.reject(new Error('no parser')));
    expect(r.problems).toEqual([`${home.path}: not valid TOML: no parser; using defaults`]);
  });

  it('unknown keys: one line each with its line, ignored', async () => {
    const r = await load('nl_prefx = ";"\nprivacy = "local-only"\n[[tiers]]\nbackend = "ollama"\nmodel = "m"\ntemperature = 0.2\n[extras]\na = 1\n');
    expect(r.problems).toEqual([`${r.file}:1: nl_prefx: unknown key (ignored)`, `${r.file}:6: tiers[0].temperature: unknown key (ignored)`, `${r.file}:7: extras: unknown key (ignored)`]);
    expect(r.config.tiers[0]?.model).toBe('m');
  });
});
