// Differential test: the same interactive script typed into plain `bash -i` and into nl-sh, as the
// stock Debian user (stock ~/.bashrc), compared line by line on the rendered screen. Every line
// that may differ is an explicit, named allowance below, justified in README's "Differences from
// bash". Lines are all shell: no model is needed.

import { afterEach, describe, expect, it } from 'vitest';
import { nlshBin } from '../support/fixtures.js';
import { makeStockHome, startAsStockUser, stockUser, type StockShell } from '../support/stock-user.js';

const user = stockUser();
let shells: StockShell[] = [];
let home: ReturnType<typeof makeStockHome> | undefined;
afterEach(() => {
  for (const s of shells) s.kill();
  home?.cleanup();
  shells = [];
  home = undefined;
});

// Each step is typed as one write; the transcript is read after its next prompt.
const steps = [
  'echo typed line',
  'ech\tparity-tab',
  'x=1; declare -p x',
  'a=$(set | grep -c .); b=$(set | grep -c .); echo "set grew by $((b - a))"',
  'echo one two three; echo $_',
  'false; echo $?',
  'sleep 30 &',
  'jobs',
  'kill %1; wait',
  'unset cur prev; echo unset-ok',
  'export foo bar; declare -p foo bar',
  'set foo bar; echo "$# $1 $2"',
  'shopt login_shell',
  'echo $0',
  'echo "$PS1"',
];

// Allowances: a line that differs only as named here is not a difference.
const allowances: { name: string; normalize: (line: string) => string }[] = [
  // A background job's pid differs between any two runs.
  { name: 'job pid', normalize: (l) => l.replace(/^\[(\d+)\] \d+$/, '[$1] PID') },
];

async function transcript(argv: string[]): Promise<string[]> {
  const sh = await startAsStockUser(user, (home as { home: string }).home, { argv });
  shells.push(sh);
  const out: string[] = [];
  for (const step of steps) {
    const m = sh.mark();
    sh.type(`${step}\r`);
    const text = await sh.waitAfter(m, new RegExp(`\\n(.*\\n)*?${sh.prompt.source}`));
    out.push(`> ${step}`);
    // The output lines between the typed line and the next prompt.
    const lines = text.split('\n').slice(1, -1);
    for (const line of lines) out.push(allowances.reduce((l, a) => a.normalize(l), line));
  }
  return out;
}

describe(`nl-sh and bash, the same keys, as ${user.name}`, () => {
  it.each([
    { what: 'interactive', bash: ['bash', '-i'], nlsh: [nlshBin] },
    { what: 'login (-l)', bash: ['bash', '-l', '-i'], nlsh: [nlshBin, '-l'] },
  ])('$what: every line is the same', async ({ bash, nlsh }) => {
    home = makeStockHome(user);
    const fromBash = await transcript(bash);
    const fromNlsh = await transcript(nlsh);
    if (process.env.PARITY_DEBUG) console.log(JSON.stringify({ fromBash, fromNlsh }, null, 1));
    // The script really ran in both (a transcript of prompts alone would compare equal).
    expect(fromBash).toContain(`declare -- x="1"`);
    expect(fromBash).toContain("three");
    expect(fromNlsh).toEqual(fromBash);
  }, 60_000);
});
