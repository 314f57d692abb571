// Applies a line-local rule only to the lines that contain a literal: a rule none of whose matches
// can cross a line break or lack the literal leaves every other line as it is, so those are skipped.

/** `rule` applied to each line of `text` that contains `needle`; other lines are copied unchanged. */
export function mapLinesContaining(text: string, needle: string, rule: (line: string) => string): string {
  let out = '';
  let copied = 0;
  for (let hit = text.indexOf(needle); hit >= 0; ) {
    const start = text.lastIndexOf('\n', hit) + 1;
    const newline = text.indexOf('\n', hit);
    const end = newline < 0 ? text.length : newline;
    out += text.slice(copied, start) + rule(text.slice(start, end));
    copied = end;
    hit = newline < 0 ? -1 : text.indexOf(needle, end);
  }
  return copied === 0 ? text : out + text.slice(copied);
}
