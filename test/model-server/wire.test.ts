// The wire between nl-sh and the model server: requests are checked field by field, replies of
// unknown shape are refused, and a line past the size bound is an error rather than memory growth.

import { describe, expect, it } from 'vitest';
import { LineSplitter, MAX_WIRE_LINE, parseReply, parseRequest } from '../../src/model-wire.js';
import { parseServerArgs } from '../../src/model-server/args.js';

const generate = { op: 'generate', model: '/m.gguf', system: 's', messages: [{ role: 'user', content: 'hi' }], stream: true };

describe('parseRequest', () => {
  it('accepts a generate request and keeps only known fields', () => {
    expect(parseRequest(JSON.stringify({ ...generate, extra: 1, maxTokens: 5 }))).toEqual({ ...generate, maxTokens: 5 });
  });
  it.each([
    ['not JSON', '{', 'the request is not JSON'],
    ['an unknown op', JSON.stringify({ op: 'shutdown' }), 'unknown op "shutdown"'],
    ['no model', JSON.stringify({ ...generate, model: '' }), 'generate: "model" must name a GGUF file'],
    ['a bad role', JSON.stringify({ ...generate, messages: [{ role: 'system', content: 'x' }] }), 'generate: "messages" must be a list of {role, content}'],
    ['a negative maxTokens', JSON.stringify({ ...generate, maxTokens: -1 }), 'generate: "maxTokens" must be a positive whole number'],
    ['a schema that is a list', JSON.stringify({ ...generate, schema: [] }), 'generate: "schema" must be an object'],
  ])('refuses %s', (_, line, problem) => {
    expect(parseRequest(line)).toBe(problem);
  });
});

describe('parseReply', () => {
  it.each([
    ['a piece', { type: 'piece', text: 'a' }, true],
    ['an error of a known kind', { type: 'error', error: { kind: 'model-missing', message: 'm' } }, true],
    ['an error of an unknown kind', { type: 'error', error: { kind: 'boom', message: 'm' } }, false],
    ['a done without usage', { type: 'done', text: '' }, false],
    ['an unknown type', { type: 'other' }, false],
  ])('%s', (_, value, known) => {
    expect(parseReply(JSON.stringify(value)) !== undefined).toBe(known);
  });
});

describe('LineSplitter', () => {
  it('returns complete lines and keeps the rest', () => {
    const s = new LineSplitter();
    expect(s.push('a\nb')).toEqual(['a']);
    expect(s.push('c\n\n')).toEqual(['bc']);
  });
  it('throws on a line past the bound', () => {
    expect(() => new LineSplitter().push('x'.repeat(MAX_WIRE_LINE + 1))).toThrow(/longer than/);
  });
});

describe('parseServerArgs', () => {
  it('reads the socket and the idle time', () => {
    expect(parseServerArgs(['--socket', '/r/model.sock', '--idle-seconds', '2'])).toEqual({ socket: '/r/model.sock', idleSeconds: 2, contextTokens: 4096, threads: 0 });
  });
  it.each([
    [['--socket', 'rel.sock'], '--socket: an absolute path is required'],
    [['--socket', '/s', '--idle-seconds', 'x'], '--idle-seconds: expected a number, found x'],
    [['--socket', '/s', '--bogus', '1'], 'unknown argument --bogus'],
    [['--socket'], '--socket: a value is missing'],
  ])('refuses %j', (argv, problem) => {
    expect(parseServerArgs(argv)).toBe(problem);
  });
});
