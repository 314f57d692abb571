// The output of `nl-sh --route`: JSON lines, or an aligned table with --explain.

import { describe, expect, it } from 'vitest';
import { formatRouteLines } from '../../../src/repl/router/index.js';
import { fakeFacts } from './fake-facts.js';

describe('formatRouteLines', () => {
  it('prints one JSON object per line with line, route and reason', () => {
    const out = formatRouteLines(['ls -la', 'show me disk usage', '? why'], fakeFacts(), false);
    const rows = out.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, string>);
    expect(rows.map((r) => [r.line, r.route])).toEqual([
      ['ls -la', 'shell'],
      ['show me disk usage', 'nl'],
      ['? why', 'question'],
    ]);
    for (const row of rows) expect(Object.keys(row)).toEqual(['line', 'route', 'reason']);
  });

  it('keeps quotes and unicode intact in JSON', () => {
    const out = formatRouteLines(['echo "你好"'], fakeFacts(), false);
    expect(JSON.parse(out)).toMatchObject({ line: 'echo "你好"', route: 'shell' });
  });

  it('with explain, prints route, line and reason aligned', () => {
    const out = formatRouteLines(['ls -la', 'show me disk usage'], fakeFacts(), true);
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^shell {5}ls -la {12} {2}← looks like a command: /);
    expect(lines[1]).toMatch(/^nl {8}show me disk usage {2}← reads as a sentence: /);
  });

  it('prints nothing for no lines', () => {
    expect(formatRouteLines([], fakeFacts(), false)).toBe('');
    expect(formatRouteLines([], fakeFacts(), true)).toBe('');
  });
});
