import { describe, expect, it } from 'vitest';
import { mapLinesContaining } from '../../src/planner/redact/lines.js';
import { redactSecrets } from '../../src/planner/redact.js';

// The fast path must give what the rule gives on every line: only its speed may differ.
const everyLine = (text: string, rule: (line: string) => string): string => text.split('\n').map(rule).join('\n');
// Each rule changes only lines holding its needle, as the function requires.
const upperSecretLines = (line: string): string => (/secret/.test(line) ? line.toUpperCase() : line);
const upperAnyCaseSecretLines = (line: string): string => (/secret/i.test(line) ? line.toUpperCase() : line);

describe('mapLinesContaining', () => {
  const texts = [
    '', '\n', 'secret', 'a\nsecret b\nc', '\n\nsecret\n', 'x secret\n\n secret\nsecret', 'no match here\nnor here',
    'secret\n', '\nsecret', 'SeCrEt first\nlast secret',
  ];
  for (const text of texts) {
    it(`matches the rule applied to every line: ${JSON.stringify(text)}`, () => {
      expect(mapLinesContaining(text, 'secret', upperSecretLines)).toBe(everyLine(text, upperSecretLines));
      expect(mapLinesContaining(text, /secret/gi, upperAnyCaseSecretLines)).toBe(everyLine(text, upperAnyCaseSecretLines));
    });
  }

  it('handles a pattern whose match begins with the line break before its line (it once looped forever)', () => {
    const rule = (line: string): string => (/^mysql /.test(line) ? '<cmd>' : line);
    const text = 'ls\nmysql -pX\n\nmysql -pY\nmysql -pZ';
    expect(mapLinesContaining(text, /(?:^|\s)mysql(?=\s)/g, rule)).toBe(everyLine(text, rule));
  });

  it('refuses a pattern that is not global (lastIndex would be ignored)', () => {
    expect(() => mapLinesContaining('a', /a/, (l) => l)).toThrow(/global/);
  });
});

describe('redaction with the line fast paths', () => {
  it('redacts secret-word and program lines that follow a line break, at the start and at the end', () => {
    const text = 'mysql -u root -pHunter2x9\nls -la\nDB_PASSWORD=Zq8!long-pass\n\ndocker login -p Qw3rty!99 reg\nwifi password Kx9#mm2pq';
    const out = redactSecrets(text);
    for (const secret of ['Hunter2x9', 'Zq8!long-pass', 'Qw3rty!99', 'Kx9#mm2pq']) expect(out).not.toContain(secret);
    expect(out).toContain('ls -la');
  });
});
