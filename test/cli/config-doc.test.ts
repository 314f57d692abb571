// The committed docs/configuration.md is what the schema renders (regenerate with
// `npm run build && node scripts/gen-config-doc.js`), and it documents every key.

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configDoc } from '../../src/config/doc.js';
import { KEYS, TIER_KEYS } from '../../src/config/schema.js';
import { repoRoot } from '../support/fixtures.js';

describe('docs/configuration.md', () => {
  it('is the page the schema renders', () => {
    expect(readFileSync(join(repoRoot, 'docs', 'configuration.md'), 'utf8')).toBe(configDoc());
  });

  it.each([...Object.values(KEYS).flatMap((k) => [k.toml, k.env, k.flag]), ...Object.values(TIER_KEYS).map((k) => k.toml), 'NO_COLOR', 'OLLAMA_HOST', 'AWS_PROFILE', 'AWS_REGION', 'NLSH_CONFIG'])('names %s', (name) => {
    expect(configDoc()).toContain(`\`${name}\``.replace(/^`(OLLAMA_HOST|AWS_PROFILE|AWS_REGION|NLSH_CONFIG)`$/, '$$$1'));
  });
});
