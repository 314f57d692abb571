// The conventional environment variables other tools set, read once by the config: NO_COLOR,
// OLLAMA_HOST for Ollama tiers, AWS_PROFILE and AWS_REGION (or AWS_DEFAULT_REGION) for Bedrock.

import { afterEach, describe, expect, it } from 'vitest';
import { colorEnabled } from '../../src/config.js';
import { cleanup, load } from './helpers.js';

afterEach(cleanup);

const tiers = '[[tiers]]\nbackend = "ollama"\nmodel = "a"\n[[tiers]]\nbackend = "ollama"\nmodel = "b"\nhost = "http://box:11434"\n[[tiers]]\nbackend = "bedrock"\nmodel = "c"\n[[tiers]]\nbackend = "bedrock"\nmodel = "d"\nregion = "eu-west-1"\nprofile = "work"\n';

describe('conventional environment variables', () => {
  it.each([
    [{ NO_COLOR: '1' }, undefined, 'never', 'env NO_COLOR'],
    [{ NO_COLOR: '' }, undefined, 'auto', 'default'],
    [{ NO_COLOR: '1' }, 'color = "always"', 'never', 'env NO_COLOR'],
    [{ NO_COLOR: '1', NLSH_COLOR: 'always' }, undefined, 'always', 'env NLSH_COLOR'],
    [{ NO_COLOR: '1', NLSH_COLOR: '' }, undefined, 'never', 'env NO_COLOR'],
  ])('%j with file %s: color %s from %s', async (env, toml, color, source) => {
    const r = await load(toml, env);
    expect(r.config.color).toBe(color);
    expect(r.sources.color).toBe(source);
  });

  it.each([
    [{ color: 'always' as const }, { TERM: 'dumb' }, true],
    [{ color: 'never' as const }, { TERM: 'xterm' }, false],
    [{ color: 'auto' as const }, { TERM: 'xterm' }, true],
    [{ color: 'auto' as const }, { TERM: 'dumb' }, false],
    [{ color: 'auto' as const }, {}, false],
  ])('colorEnabled(%j, %j) is %s', (config, env, expected) => {
    expect(colorEnabled(config, env)).toBe(expected);
  });

  it('OLLAMA_HOST is the host of Ollama tiers that name none, the default tier included', async () => {
    const r = await load(undefined, { OLLAMA_HOST: '127.0.0.1:47' });
    expect(r.config.tiers[0]?.host).toBe('127.0.0.1:47');
    expect(r.sources['tiers[0].host']).toBe('env OLLAMA_HOST');
    const f = await load(tiers, { OLLAMA_HOST: '127.0.0.1:47' });
    expect(f.config.tiers.map((t) => t.host)).toEqual(['127.0.0.1:47', 'http://box:11434', undefined, undefined]);
    expect(f.sources['tiers[1].host']).toBe(`file ${f.file}:7`);
  });

  it('AWS_REGION (else AWS_DEFAULT_REGION) and AWS_PROFILE are the region and profile of Bedrock tiers that name none', async () => {
    const r = await load(tiers, { AWS_REGION: 'us-east-1', AWS_DEFAULT_REGION: 'ap-south-1', AWS_PROFILE: 'dev' });
    expect(r.config.tiers.map((t) => [t.region, t.profile])).toEqual([[undefined, undefined], [undefined, undefined], ['us-east-1', 'dev'], ['eu-west-1', 'work']]);
    expect(r.sources).toMatchObject({ 'tiers[2].region': 'env AWS_REGION', 'tiers[2].profile': 'env AWS_PROFILE', 'tiers[3].profile': `file ${r.file}:15` });
    const d = await load(tiers, { AWS_REGION: '', AWS_DEFAULT_REGION: 'ap-south-1' });
    expect(d.config.tiers[2]?.region).toBe('ap-south-1');
    expect(d.sources['tiers[2].region']).toBe('env AWS_DEFAULT_REGION');
  });

  it('without them, nothing is filled in', async () => {
    const r = await load(tiers);
    expect(r.config.tiers.map((t) => [t.host, t.region, t.profile])).toEqual([[undefined, undefined, undefined], ['http://box:11434', undefined, undefined], [undefined, undefined, undefined], [undefined, 'eu-west-1', 'work']]);
  });
});
