import { describe, expect, it } from 'vitest';
import { parsePlanReply } from '../../src/planner/plan-schema.js';

const good = { command: 'ls -la', explanation: 'lists', parts: [{ part: 'ls', explanation: 'list' }], assumptions: [], needs_network: false, needs_root: false, confidence: 0.8 };

describe('parsePlanReply', () => {
  it('accepts a reply that follows the schema', () => {
    expect(parsePlanReply(JSON.stringify(good))).toMatchObject({ ok: true, reply: { command: 'ls -la', confidence: 0.8, needsRoot: false } });
  });

  it('finds the JSON object inside prose or a code fence', () => {
    expect(parsePlanReply('Sure!\n```json\n' + JSON.stringify(good) + '\n```')).toMatchObject({ ok: true });
  });

  it.each([
    ['malformed JSON', '{"command": "ls"', /not valid JSON/],
    ['an empty reply', '', /not valid JSON/],
    ['a list', '[1,2]', /JSON object/],
    ['no command', JSON.stringify({ ...good, command: undefined }), /"command" must be a string/],
    ['an empty command', JSON.stringify({ ...good, command: '  ' }), /empty/],
    ['confidence out of range', JSON.stringify({ ...good, confidence: 7 }), /confidence/],
    ['a string boolean', JSON.stringify({ ...good, needs_root: 'no' }), /needs_root/],
    ['a huge command', JSON.stringify({ ...good, command: 'x'.repeat(5000) }), /longer than/],
    ['parts not a list', JSON.stringify({ ...good, parts: 'ls' }), /parts/],
    ['an escape sequence in the command', JSON.stringify({ ...good, command: 'ls\u001b]0;x\u0007' }), /control characters/],
  ])('rejects %s with a reason a model can act on', (_what, text, problem) => {
    const r = parsePlanReply(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toMatch(problem);
  });
});

describe('parsePlanReply (compact)', () => {
  it('accepts command, explanation and confidence alone, and still checks them', () => {
    expect(parsePlanReply('{"command":"df -h","explanation":"disk space","confidence":0.7}', 'compact')).toMatchObject({ ok: true, reply: { command: 'df -h', parts: [], needsRoot: false } });
    expect(parsePlanReply('{"command":"df -h","explanation":"x","confidence":2}', 'compact')).toMatchObject({ ok: false });
    expect(parsePlanReply('{"command":"\\u001b[2Jdf","explanation":"x","confidence":0.5}', 'compact')).toMatchObject({ ok: false });
    expect(parsePlanReply('{"command":"df","explanation":"x","confidence":0.5,"needs_root":"yes"}', 'compact')).toMatchObject({ ok: false });
  });
});
