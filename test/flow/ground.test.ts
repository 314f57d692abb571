// Grounding a command in nl-sh's rules: each part's purpose comes from its subcommand's rule
// (`git status` shows the working tree, not git's usage line), builtins have one too.

import { beforeAll, describe, expect, it } from 'vitest';
import { groundCommand } from '../../src/flow/ground.js';
import { defaultRuleTable, loadBashParser, type BashParser } from '../../src/risk/index.js';

let parser: BashParser;
beforeAll(async () => {
  parser = await loadBashParser();
});

const noHelp = { helpText: async () => undefined };
const purpose = async (command: string): Promise<string | undefined> => {
  const g = await groundCommand(command, [], parser, defaultRuleTable, noHelp);
  return g.parts[0]?.lines.find((l) => l.source === 'rules')?.text;
};

describe('the purpose of each part', () => {
  it.each([
    ['git status', 'shows the working tree state'],
    ['git -C repo status --short', 'shows the working tree state'],
    ['git', 'prints git usage'],
    ['continue', 'goes on with the next round of a loop'],
  ])('%s: %s', async (command, text) => {
    expect(await purpose(command)).toBe(text);
  });
});
