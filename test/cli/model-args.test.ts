// `--model` subcommands: what parses, and every other shape is a usage error.

import { describe, expect, it } from 'vitest';
import { parseInvocation } from '../../src/cli/args.js';
import { modelSource, DEFAULT_MODEL } from '../../src/model-source.js';

const parse = (argv: string[]) => parseInvocation(argv, 'nl-sh', { stdin: false, stderr: false }, {});

describe('--model arguments', () => {
  it.each([
    [['pull'], { verb: 'pull', ifMissing: false }],
    [['pull', '--if-missing'], { verb: 'pull', ifMissing: true }],
    [['list'], { verb: 'list' }],
    [['use', 'a.gguf'], { verb: 'use', path: 'a.gguf' }],
    [['rm', 'a.gguf'], { verb: 'rm', target: 'a.gguf' }],
  ])('--model %j', (args, action) => {
    expect(parse(['--model', ...args])).toEqual({ kind: 'model', action });
  });

  it.each([[[]], [['pull', 'x']], [['pull', '--if-missing', 'x']], [['use']], [['use', '']], [['rm']], [['rm', 'a', 'b']], [['list', '-l']], [['--list']]])('--model %j is an error naming the usage', (args) => {
    const r = parse(['--model', ...args]);
    expect(r.kind).toBe('error');
    expect(r.kind === 'error' && r.message).toMatch(/--model needs one of/);
  });
});

describe('where the model comes from', () => {
  it('by default: Qwen2.5-Coder 1.5B Q4_K_M from Qwen\'s repository, over https, pinned', () => {
    expect(modelSource({})).toEqual({ ok: true, source: DEFAULT_MODEL });
    expect(DEFAULT_MODEL.url).toBe('https://huggingface.co/Qwen/Qwen2.5-Coder-1.5B-Instruct-GGUF/resolve/main/qwen2.5-coder-1.5b-instruct-q4_k_m.gguf');
    expect(DEFAULT_MODEL.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(DEFAULT_MODEL.allowHttp).toBe(false);
  });

  it('a mirror needs its sha256, a .gguf name and http(s)', () => {
    const sha = 'AB'.repeat(32);
    expect(modelSource({ NLSH_MODEL_URL: 'http://m/x.gguf' })).toMatchObject({ ok: false });
    expect(modelSource({ NLSH_MODEL_URL: 'http://m/x.gguf', NLSH_MODEL_SHA256: 'abc' })).toMatchObject({ ok: false });
    expect(modelSource({ NLSH_MODEL_URL: 'ftp://m/x.gguf', NLSH_MODEL_SHA256: sha })).toMatchObject({ ok: false });
    expect(modelSource({ NLSH_MODEL_URL: 'http://m/x.bin', NLSH_MODEL_SHA256: sha })).toMatchObject({ ok: false });
    expect(modelSource({ NLSH_MODEL_URL: 'http://m/..%2Fx.gguf', NLSH_MODEL_SHA256: sha })).toMatchObject({ ok: false });
    expect(modelSource({ NLSH_MODEL_URL: 'http://m/d/x.gguf', NLSH_MODEL_SHA256: sha })).toEqual({ ok: true, source: { name: 'x.gguf', url: 'http://m/d/x.gguf', sha256: 'ab'.repeat(32), allowHttp: true, mirror: true } });
  });
});
