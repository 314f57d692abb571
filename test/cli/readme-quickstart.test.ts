// The README's quick start is what CI runs: .ci/run installs the Debian packages the README
// lists and then runs the README's setup and test commands, verbatim.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/fixtures.js';

const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
const ci = readFileSync(join(repoRoot, '.ci/run'), 'utf8');
const quickStart = readme.slice(readme.indexOf('## Quick start'), readme.indexOf('\n## ', readme.indexOf('## Quick start') + 1));

describe('README quick start', () => {
  it('has a setup command and a test command, and CI runs both as written', () => {
    const block = /```sh\n([\s\S]*?)```/.exec(quickStart)?.[1] ?? '';
    const commands = block.split('\n').map((l) => l.replace(/\s+#.*$/, '').trim()).filter(Boolean);
    expect(commands).toEqual(['npm run setup && bin/nl-sh', 'npm test']);
    const ciCommands = ci.split('\n').map((l) => l.trim()).filter((l) => l.startsWith('npm '));
    expect(ciCommands).toEqual(['npm run setup', 'npm test']);
  });

  it('lists exactly the Debian packages CI installs', () => {
    const listed = /apt-get install -y ([a-z0-9 .+-]+)`/.exec(quickStart)?.[1]?.trim().split(/\s+/).sort();
    const installed = /apt-get install -y -qq --no-install-recommends ([a-z0-9 .+-]+?) >/.exec(ci)?.[1]?.trim().split(/\s+/).sort();
    expect(listed).toBeDefined();
    expect(listed).toEqual(installed);
  });
});
