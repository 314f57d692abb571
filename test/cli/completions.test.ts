// The completions in completions/ are loaded in bash, zsh and fish and must offer exactly
// nl-sh's own flags (the table --help is rendered from).

import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { OWN_FLAGS } from '../../src/cli/flags.js';
import { helpText } from '../../src/cli/help.js';
import { repoRoot } from '../support/fixtures.js';
import { startTmux } from '../support/tmux.js';

const dir = join(repoRoot, 'completions');
const own = OWN_FLAGS.map((f) => f.flag).sort();
const onlyOwn = (words: string[]) => words.filter((w) => own.includes(w)).sort();

describe('completions for nl-sh', () => {
  it('--help lists exactly the flags of the table', () => {
    const listed = [...helpText().matchAll(/^ {2}(--[a-z-]+)/gm)].map((m) => m[1]!).filter((f) => own.includes(f) || !['--norc', '--noprofile', '--rcfile', '--posix', '--restricted', '--noediting', '--verbose', '--login'].includes(f));
    expect(listed.sort()).toEqual(own);
  });

  it('bash offers every own flag for "--"', () => {
    const out = execFileSync('bash', ['--norc', '-c', `source ${join(dir, 'nl-sh.bash')}; COMP_WORDS=(nl-sh --); COMP_CWORD=1; _nl_sh; printf '%s\\n' "\${COMPREPLY[@]}"`], { encoding: 'utf8' });
    expect(onlyOwn(out.split('\n'))).toEqual(own);
  });

  it('fish offers every own flag for "--"', () => {
    const out = execFileSync('fish', ['--no-config', '-c', `source ${join(dir, 'nl-sh.fish')}; complete -C "nl-sh --"`], { encoding: 'utf8' });
    expect(onlyOwn(out.split('\n').map((l) => l.split('\t')[0]!))).toEqual(own);
  });

  it('zsh completes a flag on Tab, as a person types it', async () => {
    const home = mkdtempSync(join(tmpdir(), 'nlsh-zsh-'));
    const t = startTmux(`zsh -f`, { env: { PATH: process.env.PATH ?? '', HOME: home, TERM: 'xterm-256color' }, cwd: home });
    try {
      t.keys(`fpath=(${dir} $fpath); autoload -U compinit; compinit -u; PS1='zsh> '`, 'Enter');
      await t.waitFor(/^zsh>$/m);
      t.keys('nl-sh --print-c', 'Tab');
      await t.waitFor(/^zsh> nl-sh --print-command$/m);
      t.keys('C-u', 'nl-sh --doc', 'Tab');
      await t.waitFor(/^zsh> nl-sh --doctor$/m);
    } finally {
      t.kill();
      rmSync(home, { recursive: true, force: true });
    }
  });

  it.each(['nl-sh.bash', '_nl-sh', 'nl-sh.fish'])('%s names every own flag', async (file) => {
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(join(dir, file), 'utf8');
    for (const flag of own) {
      const name = flag.slice(2);
      expect(text.includes(flag) || text.includes(`-l ${name} `) || text.includes(`-l ${name}\n`)).toBe(true);
    }
  });
});
