// The committed man page is current (regenerate with `npm run build && node scripts/gen-man.js`)
// and documents every flag --help documents.

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { manPage } from '../../src/cli/man-page.js';
import { OWN_FLAGS } from '../../src/cli/flags.js';
import { repoRoot } from '../support/fixtures.js';

const version = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;

describe('nl-sh(1)', () => {
  it('man/nl-sh.1 is the page the flags table renders', () => {
    expect(readFileSync(join(repoRoot, 'man', 'nl-sh.1'), 'utf8')).toBe(manPage(version));
  });

  it.each(OWN_FLAGS.map((f) => f.flag))('documents %s', (flag) => {
    expect(manPage(version)).toContain(`.B ${flag.replace(/-/g, '\\-')}`);
  });
});
