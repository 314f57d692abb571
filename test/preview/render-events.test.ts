// The flow's formatters: every event renders, model text is inert, colour only when asked.

import { describe, expect, it } from 'vitest';
import type { FlowEvent, Preview } from '../../src/preview/flow-events.js';
import { localeIsUtf8, renderEvent } from '../../src/preview/render-events.js';

const HOSTILE = 'x\x1b]0;title\x07\x1b[2J\x1b]52;c;Zm9v\x07\x1b]8;;http://e/\x07l\x9b6n\r\b';
const preview = (over: Partial<Preview> = {}): Preview => ({
  command: 'rm -f a.log',
  summary: 'deletes a.log',
  parts: [{ text: 'rm -f a.log', lines: [{ subject: '-f', text: 'ignore nonexistent files', source: 'help', program: 'rm' }, { subject: '', text: 'removes it', source: 'model' }] }],
  assumptions: ['a.log is old'],
  risk: { level: 'destructive', action: 'confirm-typed', why: 'destructive → confirm-typed', reasons: [{ level: 'destructive', kind: 'rule', part: 'rm -f a.log', why: 'deletes files for good' }] },
  dryRun: { available: true, exitStatus: 0, timedOut: false, capped: false, networkSuspected: false, summary: ['deleted  a.log'], detail: [], changed: 1 },
  source: { kind: 'model', tier: 'small', model: 'qwen', latencyMs: 1234, costUsd: 0.00042, lowConfidence: true },
  ...over,
});

const every: FlowEvent[] = [
  { kind: 'planning', tier: 'small', question: false },
  { kind: 'preview', preview: preview() },
  { kind: 'choices', menu: { choices: [{ id: 'run', key: 'r', label: 'run' }], defaultId: 'cancel' } },
  { kind: 'dry-running' },
  { kind: 'dry-run', view: { available: false, reason: 'no overlay' } },
  { kind: 'answer-start', label: 'explanation' },
  { kind: 'answer-text', text: HOSTILE },
  { kind: 'answer-end' },
  { kind: 'confirm-typed', word: 'yes', why: HOSTILE },
  { kind: 'prompt', label: 'revise' },
  { kind: 'copied', text: HOSTILE },
  { kind: 'remembered', rule: HOSTILE, file: '/p' },
  { kind: 'run', command: 'ls', sandbox: 'bwrap', degraded: [HOSTILE] },
  { kind: 'exit', status: 1, durationMs: 3, denial: HOSTILE },
  { kind: 'denied', why: HOSTILE },
  { kind: 'hint', text: HOSTILE },
  { kind: 'status-clear' },
  { kind: 'cancelled' },
  { kind: 'error', message: HOSTILE },
];

describe('renderEvent', () => {
  it('renders a preview with grounded and model lines marked, risk, dry run and source', () => {
    const text = renderEvent({ kind: 'preview', preview: preview() }, { color: false });
    expect(text).toContain('  rm -f a.log\r\n');
    expect(text).toContain('      -f       ignore nonexistent files (rm --help)\r\n');
    expect(text).toContain('      removes it (model)\r\n');
    expect(text).toContain('  assumes (model): a.log is old\r\n');
    expect(text).toContain('  risk: destructive → confirm-typed\r\n');
    expect(text).toContain('      `rm -f a.log`: deletes files for good\r\n');
    expect(text).toContain('  dry run: 1 file change\r\n      deleted  a.log\r\n');
    expect(text).toContain('from small (qwen) · 1.2 s · $0.0004 · low confidence');
    expect(text.replace(/\x1b\[K/g, '')).not.toContain('\x1b[');
  });

  it('shows the tool context that mattered, above the risk', () => {
    const text = renderEvent({ kind: 'preview', preview: preview({ toolContext: ['kube context: prod-eu'] }) }, { color: false });
    expect(text).toMatch(/ {2}kube context: prod-eu\r\n {2}risk: /);
  });

  it('cuts status lines to the terminal width so they never wrap', () => {
    const text = renderEvent({ kind: 'planning', tier: 'a-very-long-tier-name', question: false, frame: '⠋' }, { color: false, cols: 20 });
    expect([...text.replace('\r\x1b[K', '')]).toHaveLength(19);
    expect(text.endsWith('…')).toBe(true);
    expect(renderEvent({ kind: 'planning', question: false }, { color: false })).toContain('(Ctrl-C cancels)');
  });

  it('uses ASCII for its own symbols when the locale is not UTF-8', () => {
    const text = renderEvent({ kind: 'preview', preview: preview() }, { color: false, ascii: true });
    expect(text).toContain('  risk: destructive -> confirm-typed\r\n');
    expect(text).toContain('1.2 s - $0.0004 - low confidence');
    expect(text).not.toMatch(/[^\x00-\x7f]/);
    expect(renderEvent({ kind: 'planning', question: false, frame: '⠋' }, { color: false, ascii: true })).toBe('\r\x1b[K* nl-sh: planning... (Ctrl-C cancels)');
  });

  it.each([
    [{ LANG: 'C.UTF-8' }, true],
    [{ LANG: 'en_US.utf8' }, true],
    [{ LANG: 'C' }, false],
    [{ LANG: 'en_US.UTF-8', LC_ALL: 'C' }, false],
    [{ LC_CTYPE: 'de_DE.UTF-8', LANG: 'C' }, true],
    [{}, false],
  ])('localeIsUtf8(%j) is %s', (env, expected) => {
    expect(localeIsUtf8(env)).toBe(expected);
  });

  it('colours only when asked', () => {
    expect(renderEvent({ kind: 'preview', preview: preview() }, { color: true })).toContain('\x1b[');
  });

  it.each(every.map((e) => [e.kind, e] as const))('%s leaves nothing from the text able to act on the terminal', (_kind, event) => {
    for (const color of [false, true]) {
      const text = renderEvent(event, { color });
      // Only nl-sh's own sequences: SGR colours, clear-line, and the OSC 52 of a copy (base64 only).
      const foreign = text.replace(/\x1b\[[0-9;]*m/g, '').replace(/\x1b\[K/g, '').replace(/\x1b\]52;c;[A-Za-z0-9+/=]*\x07/g, '');
      expect(foreign).not.toMatch(/[\x1b\x07\x08\x9b]/);
      expect(foreign.replace(/\r\n/g, '').replace(/^\r/, '')).not.toMatch(/\r/);
    }
  });

  it('a copy carries the text base64-encoded', () => {
    expect(renderEvent({ kind: 'copied', text: 'ls -1' }, { color: false })).toContain(`\x1b]52;c;${Buffer.from('ls -1').toString('base64')}\x07`);
  });
});
