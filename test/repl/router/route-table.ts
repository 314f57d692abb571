// A routing table test: each row is a line and where it must go, checked with the bash parser
// loaded and before it loads (the first Enter of a session comes before it).

import { beforeAll, describe, expect, it } from 'vitest';
import { route, type Route } from '../../../src/repl/router/index.js';
import { loadBashParser, type BashParser } from '../../../src/risk/index.js';
import { fakeFacts } from './fake-facts.js';

let parser: BashParser | undefined;

/** One row: the line, and the route it must take. */
export type Row = [line: string, expected: Route];

/** Assert every row, with and without the parser. */
export function table(title: string, rows: Row[]): void {
  describe(title, () => {
    beforeAll(async () => {
      parser ??= await loadBashParser();
    });
    it.each(rows)('`%s` routes %s (parser loaded)', (line, expected) => {
      expect(route(line, fakeFacts(parser)).route).toBe(expected);
    });
    it.each(rows)('`%s` routes %s (no parser yet)', (line, expected) => {
      expect(route(line, fakeFacts()).route).toBe(expected);
    });
  });
}
