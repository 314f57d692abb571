// Applies a line-local rule only to the lines it could change: a rule none of whose matches can
// cross a line break, and every match of which holds the needle (a literal or a pattern), leaves
// every other line as it is, so those are skipped.

/** Where the next line holding `needle` starts at or after `from` (a hit's index), or -1. */
function nextHit(text: string, needle: string | RegExp, from: number): number {
  if (typeof needle === 'string') return text.indexOf(needle, from);
  needle.lastIndex = from;
  return needle.exec(text)?.index ?? -1;
}

/** `rule` applied to each line of `text` that holds `needle` (a string, or a global RegExp); other lines are copied unchanged. */
export function mapLinesContaining(text: string, needle: string | RegExp, rule: (line: string) => string): string {
  if (typeof needle !== 'string' && !needle.global) throw new Error('mapLinesContaining: a pattern needle must be global');
  let out = '';
  let copied = 0;
  for (let hit = nextHit(text, needle, 0); hit >= 0; ) {
    // A pattern's match may begin with the line break before its line (`(?:^|\s)word`).
    const at = text[hit] === '\n' ? hit + 1 : hit;
    const start = text.lastIndexOf('\n', at - 1) + 1;
    const newline = text.indexOf('\n', at);
    const end = newline < 0 ? text.length : newline;
    out += text.slice(copied, start) + rule(text.slice(start, end));
    copied = end;
    hit = newline < 0 ? -1 : nextHit(text, needle, end);
  }
  return copied === 0 ? text : out + text.slice(copied);
}
