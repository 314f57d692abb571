// `nl-sh --doctor` runs a sandboxed `true` the way a session does, through the user's own startup
// files, and reports what really happened: ready for Debian's stock bashrc with bash-completion
// (whose functions once broke every sandboxed run), failing with the cause for a broken one.

import { afterEach, describe, expect, it } from 'vitest';
import { nlshBin } from '../support/fixtures.js';
import { makeStockHome, runAsStockUser, stockUser } from '../support/stock-user.js';

const user = stockUser();
let home: ReturnType<typeof makeStockHome> | undefined;
afterEach(() => {
  home?.cleanup();
  home = undefined;
});

describe(`nl-sh --doctor's sandboxed run, as ${user.name}`, () => {
  it('is ready with the stock bashrc and bash-completion', async () => {
    home = makeStockHome(user);
    const r = await runAsStockUser(user, home.home, [nlshBin, '--doctor']);
    expect(r.stdout).toMatch(/^ok\s+sandboxed run\s+`true` ran contained \(bwrap[^)]*\) through your ~\/\.bashrc/m);
  });

  it('names the failure when a line in ~/.bashrc breaks sandboxed runs', async () => {
    // Inside the sandbox the command's bash is found on PATH; this PATH has none.
    home = makeStockHome(user, { '.bashrc': '\nPATH=/nowhere\n' });
    const r = await runAsStockUser(user, home.home, [nlshBin, '--doctor']);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^FIX\s+sandboxed run\s+`true` did not run contained \(exit status [1-9]\d*: .*bash.*No such file or directory\)/m);
    expect(r.stdout).toMatch(/^\s+→ fix what it names \(often a line in ~\/\.bashrc\)/m);
  });
});
