// A pasted block cut into the commands bash would read, and each routed: quotes, heredocs,
// continuations and compound blocks stay one command; what does not parse is cut at line ends
// and marked, so it can only reach the chooser.

import { beforeAll, describe, expect, it } from 'vitest';
import { cutPastedBlock, firstWords, isMultiLine, joinTypedAhead, splitCommands } from '../../src/repl/pasted-block.js';
import { loadBashParser, type BashParser } from '../../src/risk/index.js';
import { fakeFacts } from './router/fake-facts.js';

let parser: BashParser;
beforeAll(async () => {
  parser = await loadBashParser();
});

describe('splitCommands', () => {
  it.each([
    ['ls\ntouch up the readme\npwd', ['ls', 'touch up the readme', 'pwd']],
    ['cat <<EOF\nhello there\nEOF\nls', ['cat <<EOF\nhello there\nEOF', 'ls']],
    ['cat <<-EOF | wc -l\n\tone\n\tEOF\necho é', ['cat <<-EOF | wc -l\n\tone\n\tEOF', 'echo é']],
    ['echo "a\nb"\nls', ['echo "a\nb"', 'ls']],
    ['ls -l \\\n  /tmp\npwd', ['ls -l \\\n  /tmp', 'pwd']],
    ['for f in a b\ndo echo $f\ndone\nls', ['for f in a b\ndo echo $f\ndone', 'ls']],
    ['if true; then\n echo x\nfi; ls\n\n# note\nls', ['if true; then\n echo x\nfi; ls', '# note', 'ls']],
    ['ls; pwd\necho a', ['ls; pwd', 'echo a']],
  ])('%j', (text, commands) => {
    expect(splitCommands(text, parser)).toEqual(commands);
  });

  it.each([["what's in here\nls"], ['echo $(\nls'], ['ls\n\x1b[Apwd'], ['ls\x7f\npwd']])('%j does not parse: undefined', (text) => {
    expect(splitCommands(text, parser)).toBeUndefined();
  });
});

describe('cutPastedBlock', () => {
  it('routes each command', () => {
    const block = cutPastedBlock('ls\ntouch up the readme\npwd', fakeFacts(parser));
    expect(block.parsed).toBe(true);
    expect(block.commands.map((c) => c.route)).toEqual(['shell', 'nl', 'shell']);
  });

  it('a heredoc whose body reads as English stays one shell command', () => {
    const block = cutPastedBlock('cat > notes <<EOF\nplease list the files here\nEOF\nls', fakeFacts(parser));
    expect(block.commands.map((c) => [c.text.split('\n')[0], c.route])).toEqual([
      ['cat > notes <<EOF', 'shell'],
      ['ls', 'shell'],
    ]);
  });

  it('without the parser, or when it does not parse, is cut at line ends and not parsed', () => {
    expect(cutPastedBlock('ls\npwd', fakeFacts()).parsed).toBe(false);
    const block = cutPastedBlock("what's here\nls", fakeFacts(parser));
    expect(block.parsed).toBe(false);
    expect(block.commands.map((c) => c.text)).toEqual(["what's here", 'ls']);
  });
});

describe('the block of a line and its typed-ahead keys', () => {
  it('joins them with line ends as bash reads them', () => {
    expect(joinTypedAhead('touch up the readme', 'ls\rpwd\r')).toBe('touch up the readme\nls\npwd\n');
    expect(joinTypedAhead('a\r\nb', '')).toBe('a\nb');
  });
  it('is several lines only with more than one line holding something', () => {
    expect(isMultiLine('ls\n\n')).toBe(false);
    expect(isMultiLine('ls\npwd')).toBe(true);
  });
  it('names each first word once', () => {
    expect(firstWords('ls -l\n  pwd; ls\nls|wc')).toEqual(['ls', 'pwd']);
  });
});
