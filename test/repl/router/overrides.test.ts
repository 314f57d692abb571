// Phase 1: what the user forces with the first characters of a line.

import { describe, expect, it } from 'vitest';
import { DEFAULT_ROUTE_CONFIG, requestText, route, type Route } from '../../../src/repl/router/index.js';
import { fakeFacts, fakeTypeOf } from './fake-facts.js';

describe('a line whose first non-blank character is `?` is a question', () => {
  it.each([
    ['? how do I list open ports'],
    ['?what is using port 8080'],
    ['   ? why did that fail'],
    ['?'],
    ['? ls -la'],
    ['? rm -rf /'],
    ['?? twice'],
  ])('`%s` routes question', (line) => {
    expect(route(line, fakeFacts()).route).toBe('question');
  });

  it('a `?` later in the line does not make a question', () => {
    expect(route('ls file?', fakeFacts()).route).toBe('shell');
  });
});

describe('the natural-language prefix (default `,`) forces nl', () => {
  it.each<[string, Route]>([
    [', make it so', 'nl'],
    [',make install', 'nl'],
    [', ls -la', 'nl'],
    ['  , git status', 'nl'],
    [',', 'nl'],
  ])('`%s` routes %s', (line, expected) => {
    expect(route(line, fakeFacts()).route).toBe(expected);
  });

  it('a "comma command" bash knows (`,deploy`) stays shell', () => {
    const facts = { ...fakeFacts(), typeOf: (w: string) => (w === ',deploy' ? ('file' as const) : fakeTypeOf(w)) };
    expect(route(',deploy --prod', facts)).toMatchObject({ route: 'shell' });
    expect(route(', deploy the app', facts)).toMatchObject({ route: 'nl' });
  });

  it('a configured prefix replaces the default', () => {
    const facts = fakeFacts(undefined, { nlPrefix: '@ai', shellPrefix: '\\' });
    expect(route('@ai ls -la', facts).route).toBe('nl');
    expect(route(', ls -la', facts).route).toBe('shell');
  });
});

describe('the shell prefix (default `\\`) forces shell', () => {
  it.each([
    ['\\make it so'],
    ['\\find all large files in my home'],
    ['  \\ls'],
  ])('`%s` routes shell', (line) => {
    expect(route(line, fakeFacts()).route).toBe('shell');
  });

  it('a configured shell prefix forces shell, and `!` lines stay shell either way', () => {
    const facts = fakeFacts(undefined, { nlPrefix: ',', shellPrefix: ';;' });
    expect(route(';; make it so', facts).route).toBe('shell');
    expect(route('!!', facts).route).toBe('shell');
    expect(route('! make it so', facts).route).toBe('shell');
  });

  it('an empty prefix disables that override', () => {
    const facts = fakeFacts(undefined, { nlPrefix: '', shellPrefix: '' });
    expect(route(', ls', facts).route).toBe('shell');
    expect(route('show me disk usage', facts).route).toBe('nl');
  });
});

describe('history expansion, quick substitution and comments go to bash', () => {
  it.each([['!!'], ['!$'], ['!-2'], ['!git'], ['! grep -q x file'], ['^teh^the'], ['# find big files later']])(
    '`%s` routes shell',
    (line) => {
      expect(route(line, fakeFacts()).route).toBe('shell');
    },
  );
});

describe('every decision carries a reason', () => {
  it.each([['? what'], [', x'], ['\\x'], ['!!'], [''], ['ls -la'], ['show me disk usage']])('`%s` has a reason', (line) => {
    expect(route(line, fakeFacts()).reason).toMatch(/\S/);
  });

  it('the reason names what was seen', () => {
    expect(route('kubectl get pods -n prod', fakeFacts()).reason).toContain('`-n`');
    expect(route('find all files in my home', fakeFacts()).reason).toContain('`my`');
  });
});

describe('requestText strips the prefix the model should not see', () => {
  it.each([
    ['? how do I list ports', 'how do I list ports'],
    ['  ?why', 'why'],
    [', make it so', 'make it so'],
    ['show me disk usage ', 'show me disk usage'],
  ])('`%s` asks `%s`', (line, text) => {
    expect(requestText(line, { config: DEFAULT_ROUTE_CONFIG })).toBe(text);
  });
});
