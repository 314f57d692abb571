// The acceptance bar on the routing dev corpus (../shared/eval/routing/dev.jsonl): no everyday
// shell line routed nl, >= 98% of shell lines routed shell, >= 95% of nl lines routed nl, and
// every line prefixed with `?` routed question. Facts are this machine's PATH and bash's
// builtins with no aliases, as in scripts/eval-routing.js. Outside CI a missing corpus skips.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { CommandTable, DEFAULT_ROUTE_CONFIG, route, type RouteFacts } from '../../../src/repl/router/index.js';
import { loadBashParser } from '../../../src/risk/index.js';

interface CorpusRow {
  line: string;
  route: 'shell' | 'nl' | 'question';
  source: string;
  common?: boolean;
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const corpusPath = resolve(repoRoot, '../shared/eval/routing/dev.jsonl');
const present = existsSync(corpusPath);
if (!present && process.env.CI === 'true') throw new Error(`the routing dev corpus is missing: ${corpusPath}`);
if (!present) console.warn(`skipping the routing dev corpus test: ${corpusPath} not found`);

const rows: CorpusRow[] = present
  ? readFileSync(corpusPath, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as CorpusRow)
  : [];

function score(facts: RouteFacts) {
  const shell = rows.filter((r) => r.route === 'shell');
  const nl = rows.filter((r) => r.route === 'nl');
  const routed = (r: CorpusRow): string => route(r.line, facts).route;
  return {
    commonMisses: shell.filter((r) => r.common && routed(r) !== 'shell').map((r) => r.line),
    shellRate: shell.filter((r) => routed(r) === 'shell').length / shell.length,
    nlRate: nl.filter((r) => routed(r) === 'nl').length / nl.length,
    questionMisses: rows.filter((r) => route(`? ${r.line}`, facts).route !== 'question').map((r) => r.line),
  };
}

describe.skipIf(!present)('routing dev corpus', () => {
  const table = new CommandTable({ aliases: [], functions: [], path: process.env.PATH ?? '' });
  const base = { typeOf: (word: string) => table.typeOf(word), config: DEFAULT_ROUTE_CONFIG };
  let facts: RouteFacts;
  beforeAll(async () => {
    facts = { ...base, parser: await loadBashParser() };
  });

  it('routes no everyday shell line to nl, >= 98% of shell lines to shell, >= 95% of nl lines to nl', () => {
    const s = score(facts);
    expect(s.commonMisses).toEqual([]);
    expect(s.shellRate).toBeGreaterThanOrEqual(0.98);
    expect(s.nlRate).toBeGreaterThanOrEqual(0.95);
  });

  it('meets the same bar before the parser has loaded', () => {
    const s = score(base);
    expect(s.commonMisses).toEqual([]);
    expect(s.shellRate).toBeGreaterThanOrEqual(0.98);
    expect(s.nlRate).toBeGreaterThanOrEqual(0.95);
  });

  it('routes every line prefixed with `? ` to question', () => {
    expect(score(base).questionMisses).toEqual([]);
  });
});
