// A preview taller than the terminal, and a terminal that changes size under a preview, as the
// stock Debian user with a fake model: the command and the risk stay in view with the details
// folded behind a key, and a resize draws the preview again at the new width.

import { describe, expect, it } from 'vitest';
import type { FakeBehaviour } from '../support/fake-ollama-server.js';
import { useStockFlowShell } from '../support/stock-flow-shell.js';
import { plan } from '../support/plan-reply.js';
import type { StockShell } from '../support/stock-user.js';

const flow = useStockFlowShell();
const user = flow.user;

const menu = /\(Enter: (run|cancel)\) ?$/m;

// nl-sh as the stock user, its model answering `chat` in order, in a terminal of `cols` x `rows`.
function startFlow(chat: FakeBehaviour[], size: { cols: number; rows?: number }): Promise<StockShell> {
  return flow.start(chat, { 'notes.txt': 'a\n' }, size);
}

// Type `line` as a person does: its keys, then (once they show) Enter.
async function enterLine(s: StockShell, line: string): Promise<void> {
  const typed = s.driver.mark();
  s.type(line);
  await s.driver.waitSince(typed, line);
  s.type('\r');
}

// A plan that writes five files, with a part and an assumption for each step: taller than 15 rows.
const TALL = 'mkdir -p out && cp notes.txt out/a.txt && cp notes.txt out/b.txt && touch out/c.txt out/d.txt';
const tallPlan = plan(TALL, {
  explanation: 'makes a folder out with five files in it',
  parts: [
    { part: 'mkdir -p out', explanation: 'makes the folder out' },
    { part: 'cp notes.txt out/a.txt', explanation: 'copies the notes to a.txt' },
    { part: 'cp notes.txt out/b.txt', explanation: 'copies the notes to b.txt' },
    { part: 'touch out/c.txt out/d.txt', explanation: 'makes two empty files' },
  ],
  assumptions: ['notes.txt is the file meant', 'out may not exist yet'],
});

describe(`a tall preview and a resized terminal, as ${user.name}`, () => {
  it('a preview taller than the screen keeps the command and the risk in view; [i] shows the details', async () => {
    const s = await startFlow([{ kind: 'reply', json: tallPlan }], { cols: 120, rows: 15 });
    const from = s.driver.mark();
    await enterLine(s, 'make a folder with five files');
    await s.driver.waitSince(from, menu);
    const screen = s.driver.screen();
    expect(screen.split('\n')).toContain(`  ${TALL}`);
    expect(screen).toMatch(/risk: writes/);
    expect(screen).toMatch(/\[i\] details/);
    expect(screen).not.toMatch(/copies the notes to b\.txt/);
    const details = s.driver.mark();
    s.type('i');
    await s.driver.waitSince(details, menu);
    const shown = s.driver.textSince(details);
    for (const text of ['copies the notes to b.txt', 'makes two empty files', 'assumes (model): out may not exist yet', /dry run: \d+ file changes/]) expect(shown).toMatch(text);
    const cancel = s.driver.mark();
    s.type('n');
    await s.driver.waitSince(cancel, /[$#] make a folder with five files$/m);
  });

  it('a resize while the menu is up draws the preview again at the new width, and the menu still answers', async () => {
    const s = await startFlow([{ kind: 'reply', json: plan('wc -l notes.txt', { explanation: 'counts the lines of notes.txt and prints the number followed by the name of the file' }) }], { cols: 120, rows: 30 });
    const from = s.driver.mark();
    await enterLine(s, 'count the lines in the notes');
    await s.driver.waitSince(from, menu);
    s.driver.resize(60, 30);
    const resized = s.driver.mark();
    await s.driver.waitSince(resized, menu);
    // The mark's row is the old menu's last row, as the terminal cut it; the new drawing is below.
    const rows = s.driver.textSince(resized).split('\n').slice(1);
    expect(rows).toContain('  wc -l notes.txt');
    expect(rows.join('\n')).toMatch(/risk: read_only/);
    expect(rows.join('\n')).toMatch(/\[n\] cancel/);
    for (const r of rows) expect(r.length).toBeLessThan(60);
    const edit = s.driver.mark();
    s.type('e');
    await s.driver.waitSince(edit, /[$#] wc -l notes\.txt$/m);
  });
});
