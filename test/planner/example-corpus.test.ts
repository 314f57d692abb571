// nl-sh's few-shot corpus stays apart from the evaluation splits (no example's request shares more
// than 60% of its words with an evaluation request, no command is a reference), and every command
// parses as bash and runs only programs of a known list.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_CORPUS } from '../../src/planner/example-corpus.js';
import { loadBashParser, type BashParser } from '../../src/risk/index.js';
import { commandWords } from '../../src/cli/planner-wiring.js';

const evalDir = join(dirname(fileURLToPath(import.meta.url)), '../../eval/translate');
const evalTasks = ['dev.jsonl', 'test.jsonl'].flatMap((split) =>
  readFileSync(join(evalDir, split), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { id: string; request: string; reference: string }),
);

const KNOWN_PROGRAMS = new Set(
  (
    'ls cat cp mv mkdir rmdir rm touch stat file realpath readlink find grep sed awk sort uniq shuf wc du df ps pgrep pkill kill ' +
    'uptime free lsof tar gzip gunzip zcat zgrep bzip2 zip unzip git curl jq date chmod ln sudo chown xargs head tail cut tr ' +
    'paste tac comm diff systemctl journalctl ss ip ping whoami uname nproc command env sha256sum seq lsblk base64 crontab pwd'
  ).split(' '),
);

const wordsOf = (text: string): Set<string> => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
const squeeze = (command: string): string => command.replace(/\s+/g, ' ').trim();

// The share of the example's distinct words that also appear in the evaluation request.
function sharedWordShare(example: string, evalRequest: string): number {
  const mine = wordsOf(example);
  const theirs = wordsOf(evalRequest);
  const shared = [...mine].filter((w) => theirs.has(w)).length;
  return mine.size === 0 ? 0 : shared / mine.size;
}

describe('the example corpus', () => {
  let parser: BashParser;
  beforeAll(async () => {
    parser = await loadBashParser();
  });

  it('has about 150 examples, no request twice', () => {
    expect(EXAMPLE_CORPUS.length).toBeGreaterThanOrEqual(140);
    expect(new Set(EXAMPLE_CORPUS.map((e) => e.request.toLowerCase())).size).toBe(EXAMPLE_CORPUS.length);
  });

  it('the evaluation splits were read (both of them)', () => {
    expect(evalTasks.length).toBeGreaterThanOrEqual(120);
  });

  it('no request shares more than 60% of its words with an evaluation request', () => {
    const close = EXAMPLE_CORPUS.flatMap((e) =>
      evalTasks.filter((t) => sharedWordShare(e.request, t.request) > 0.6).map((t) => `${e.request}  ~  ${t.id}: ${t.request}`),
    );
    expect(close).toEqual([]);
  });

  it('no command is an evaluation reference', () => {
    const references = new Set(evalTasks.map((t) => squeeze(t.reference)));
    expect(EXAMPLE_CORPUS.filter((e) => references.has(squeeze(e.command))).map((e) => e.command)).toEqual([]);
  });

  it('every command parses as bash', () => {
    const broken = EXAMPLE_CORPUS.filter((e) => parser.withTree(e.command, (root) => root.hasError)).map((e) => e.command);
    expect(broken).toEqual([]);
  });

  it('every command runs only known programs', () => {
    const unknown = EXAMPLE_CORPUS.flatMap((e) =>
      parser
        .withTree(e.command, (root) => commandWords(root))
        .filter((w) => !KNOWN_PROGRAMS.has(w))
        .map((w) => `${w} in ${e.command}`),
    );
    expect(unknown).toEqual([]);
  });
});
