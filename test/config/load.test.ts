// The merge: defaults, then the file, then the environment, then flags, each value with its
// source, and the result frozen.

import { afterEach, describe, expect, it } from 'vitest';
import { defaultConfig, type Config } from '../../src/config.js';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup, load } from './helpers.js';

afterEach(cleanup);

// key, field, TOML text of a value, the value, env text, its value, flag text, its value
const rows: [string, keyof Config, string, unknown, string, unknown, string, unknown][] = [
  ['capture_bytes', 'captureBytes', '8192', 8192, '16384', 16384, '32768', 32768],
  ['nl_prefix', 'nlPrefix', '";"', ';', '::', '::', '%', '%'],
  ['shell_prefix', 'shellPrefix', '"!"', '!', '!!', '!!', '^', '^'],
  ['privacy', 'privacy', '"cloud-allowed"', 'cloud-allowed', 'local-only', 'local-only', 'cloud-allowed', 'cloud-allowed'],
  ['daily_cloud_budget_usd', 'dailyCloudBudgetUsd', '1.5', 1.5, '2', 2, '0.25', 0.25],
  ['audit_journal', 'auditJournal', 'true', true, 'false', false, 'yes', true],
  ['color', 'color', '"always"', 'always', 'never', 'never', 'auto', 'auto'],
];
const envName = (key: string) => `NLSH_${key.toUpperCase()}`;
const flagName = (key: string) => `--${key.replace(/_/g, '-')}`;

describe('loadConfig', () => {
  it('without a file, env or flags: the defaults, each from "default"', async () => {
    const r = await load(undefined);
    expect(r.problems).toEqual([]);
    // No model installed and privacy local only: of the default tiers, only Ollama is there.
    expect(r.config).toEqual({ ...defaultConfig, tiers: [{ name: 'local', backend: 'ollama', model: 'qwen2.5-coder:7b', timeoutMs: 30_000, minConfidence: 0.5 }] });
    expect(r.config.color).toBe('auto');
    for (const key of ['capture_bytes', 'privacy', 'color', 'tiers', 'tiers[0].model', 'tiers[0].timeout_ms']) expect(r.sources[key]).toBe('default');
    expect(r.path).toBe(r.file);
  });

  it('the default tiers: nl-sh\'s own model first when one is installed, the cloud last when privacy allows it', async () => {
    const data = mkdtempSync(join(tmpdir(), 'nlsh-models-'));
    try {
      mkdirSync(join(data, 'nl-sh', 'models'), { recursive: true });
      writeFileSync(join(data, 'nl-sh', 'models', 'm.gguf'), 'GGUF and the rest');
      writeFileSync(join(data, 'nl-sh', 'models', 'current'), `${join(data, 'nl-sh', 'models', 'm.gguf')}\n`);
      const withModel = await load(undefined, { XDG_DATA_HOME: data });
      expect(withModel.config.tiers.map((t) => `${t.name}:${t.backend}`)).toEqual(['embedded:embedded', 'local:ollama']);
      const all = await load(undefined, { XDG_DATA_HOME: data, NLSH_PRIVACY: 'cloud-allowed' });
      expect(all.config.tiers.map((t) => `${t.name}:${t.backend}`)).toEqual(['embedded:embedded', 'local:ollama', 'cloud:bedrock']);
      expect(all.config.tiers[0]).toMatchObject({ model: 'default', timeoutMs: 60_000 });
      // A broken model file is not a model: the tier is left out.
      writeFileSync(join(data, 'nl-sh', 'models', 'm.gguf'), 'not a model');
      expect((await load(undefined, { XDG_DATA_HOME: data })).config.tiers.map((t) => t.name)).toEqual(['local']);
    } finally {
      rmSync(data, { recursive: true, force: true });
    }
  });

  describe.each(rows)('%s', (key, field, fileText, fileValue, envText, envValue, flagText, flagValue) => {
    it('comes from the file, with the file and line as its source', async () => {
      const r = await load(`# nl-sh\n\n${key} = ${fileText}\n`);
      expect(r.problems).toEqual([]);
      expect(r.config[field]).toEqual(fileValue);
      expect(r.sources[key]).toBe(`file ${r.file}:3`);
    });

    it(`comes from ${envName(key)}, over the file`, async () => {
      const r = await load(`${key} = ${fileText}\n`, { [envName(key)]: envText });
      expect(r.problems).toEqual([]);
      expect(r.config[field]).toEqual(envValue);
      expect(r.sources[key]).toBe(`env ${envName(key)}`);
    });

    it(`comes from ${flagName(key)}, over the environment and the file`, async () => {
      const r = await load(`${key} = ${fileText}\n`, { [envName(key)]: envText }, { [flagName(key)]: flagText });
      expect(r.problems).toEqual([]);
      expect(r.config[field]).toEqual(flagValue);
      expect(r.sources[key]).toBe(`flag ${flagName(key)}`);
    });

    it('an empty environment variable counts as unset', async () => {
      const r = await load(`${key} = ${fileText}\n`, { [envName(key)]: '' });
      expect(r.config[field]).toEqual(fileValue);
    });
  });

  it('reads [[tiers]] with each key\'s source, and fills in the defaults', async () => {
    const r = await load('privacy = "cloud-allowed"\n\n[[tiers]]\nname = "small"\nbackend = "ollama"\nmodel = "m:1b"\nmin_confidence = 0.7\n\n[[tiers]]\nbackend = "bedrock"\nmodel = "b"\nregion = "eu-west-1"\ninput_price_per_mtok = 0.8\n');
    expect(r.problems).toEqual([]);
    expect(r.config.tiers).toEqual([
      { name: 'small', backend: 'ollama', model: 'm:1b', timeoutMs: 30_000, minConfidence: 0.7 },
      { name: 'bedrock-2', backend: 'bedrock', model: 'b', region: 'eu-west-1', timeoutMs: 30_000, minConfidence: 0.5, inputPricePerMTok: 0.8 },
    ]);
    expect(r.sources).toMatchObject({ tiers: `file ${r.file}:3`, 'tiers[0].name': `file ${r.file}:4`, 'tiers[0].min_confidence': `file ${r.file}:7`, 'tiers[0].timeout_ms': 'default', 'tiers[1].name': 'default', 'tiers[1].region': `file ${r.file}:12` });
  });

  it('a replay tier needs only its file; its model is "replay"', async () => {
    const r = await load('[[tiers]]\nbackend = "replay"\nfile = "rec.jsonl"\n');
    expect(r.problems).toEqual([]);
    expect(r.config.tiers[0]).toMatchObject({ backend: 'replay', model: 'replay', file: 'rec.jsonl', name: 'replay-1' });
  });

  it('NLSH_CONFIG names another file, which replaces the default one', async () => {
    const other = await load('nl_prefix = "@"\n');
    const r = await load('nl_prefix = "#"\n', { NLSH_CONFIG: other.file });
    expect(r.config.nlPrefix).toBe('@');
    expect(r.path).toBe(other.file);
    expect(r.sources.nl_prefix).toBe(`file ${other.file}:1`);
  });

  it('NLSH_CONFIG naming a missing file is one line, and the defaults', async () => {
    const r = await load('nl_prefix = "#"\n', { NLSH_CONFIG: '/nonexistent/nl-sh.toml' });
    expect(r.config.nlPrefix).toBe(',');
    expect(r.problems).toEqual(['/nonexistent/nl-sh.toml: NLSH_CONFIG names this file, which does not exist; using defaults']);
  });

  it('is frozen, tiers and all', async () => {
    const r = await load('[[tiers]]\nbackend = "ollama"\nmodel = "m"\n');
    expect(Object.isFrozen(r.config)).toBe(true);
    expect(Object.isFrozen(r.config.tiers)).toBe(true);
    expect(Object.isFrozen(r.config.tiers[0])).toBe(true);
    expect(Object.isFrozen(r.sources)).toBe(true);
    expect(Object.isFrozen(defaultConfig)).toBe(true);
  });
});
