// What the screen shows around a request, as the stock Debian user with a fake model: the typed
// request stays above the preview, text wraps at word boundaries to the terminal's width, a tall
// preview keeps the command and the risk in view, hints show only where they matter, the preview
// is redrawn on resize, and Enter never runs a plan the model was not confident in.

import { describe, expect, it } from 'vitest';
import type { FakeBehaviour } from '../support/fake-ollama-server.js';
import { useStockFlowShell } from '../support/stock-flow-shell.js';
import { plan } from '../support/plan-reply.js';
import type { PtyMark } from '../support/pty-driver.js';
import type { StockShell } from '../support/stock-user.js';

const flow = useStockFlowShell();
const user = flow.user;

const menu = /\(Enter: (run|cancel)\) ?$/m;

// nl-sh as the stock user, its model answering `chat` in order, in a terminal `cols` wide.
function startFlow(chat: FakeBehaviour[], opts: { cols?: number; rows?: number; files?: Record<string, string> } = {}): Promise<StockShell> {
  return flow.start(chat, { 'notes.txt': 'a\n', ...opts.files }, { cols: opts.cols ?? 120, rows: opts.rows });
}

// Type `line` as a person does: its keys, then (once they show) Enter.
async function enterLine(s: StockShell, line: string): Promise<void> {
  const typed = s.driver.mark();
  s.type(line);
  await s.driver.waitSince(typed, line);
  s.type('\r');
}

// Screen rows from the last one showing `text` on.
const rowsFrom = (s: StockShell, text: string): string[] => {
  const rows = s.driver.allText().split('\n');
  const at = rows.findLastIndex((r) => r.includes(text));
  return at < 0 ? [] : rows.slice(at);
};

// Screen rows (with scrollback) from a mark's row on.
const rowsSince = (s: StockShell, mark: PtyMark): string[] => s.driver.allText().split('\n').slice(mark.row);

describe(`the screen around a request, as ${user.name}`, () => {
  it('the typed request stays on screen above the preview, and after the preview closes', async () => {
    const s = await startFlow([{ kind: 'reply', json: plan('wc -l notes.txt') }]);
    const from = s.driver.mark();
    await enterLine(s, 'count the lines in the notes');
    await s.driver.waitSince(from, menu);
    const request = /[$#] count the lines in the notes$/m;
    expect(s.driver.screen()).toMatch(request);
    const shown = s.driver.screen().split('\n');
    const requestRow = shown.findIndex((r) => request.test(r));
    const commandRow = shown.findIndex((r) => /^ {2}wc -l notes\.txt$/.test(r));
    expect(requestRow).toBeGreaterThanOrEqual(0);
    expect(commandRow).toBeGreaterThan(requestRow);
    const cancel = s.driver.mark();
    s.type('n');
    await s.driver.waitSince(cancel, /[$#] count the lines in the notes$/m);
    // Twice now: the request above the closed preview, and the line given back for editing.
    expect(s.driver.allText().match(/[$#] count the lines in the notes$/gm)?.length).toBe(2);
  });

  it('the request stays on screen also when it is pasted or typed with its Enter in one piece', async () => {
    const s = await startFlow([{ kind: 'reply', json: plan('wc -l notes.txt') }]);
    const from = s.driver.mark();
    s.type('count the words in the notes\r');
    await s.driver.waitSince(from, menu);
    expect(s.driver.screen()).toMatch(/[$#] count the words in the notes$/m);
  });

  it('a `?` question stays on screen above its answer', async () => {
    const s = await startFlow([{ kind: 'reply', text: 'It holds one line.' }]);
    const from = s.driver.mark();
    await enterLine(s, '? what is in notes.txt');
    await s.driver.waitSince(from, /It holds one line\./);
    const rows = rowsFrom(s, '? what is in notes.txt');
    expect(rows[0]).toMatch(/[$#] \? what is in notes\.txt$/);
    expect(rows.join('\n')).toMatch(/It holds one line\./);
  });

  it('text wraps at word boundaries to a narrow terminal: no word is split, no row is wider than the screen', async () => {
    const explanation = 'makes an empty file named new.txt in this directory so that later steps can write their results into it without failing';
    const s = await startFlow([{ kind: 'reply', json: plan('touch new.txt', { explanation }) }], { cols: 60 });
    const from = s.driver.mark();
    await enterLine(s, 'make a new file');
    await s.driver.waitSince(from, menu);
    const rows = rowsSince(s, from);
    const words = rows.flatMap((r) => r.split(/\s+/));
    for (const w of explanation.split(' ')) expect(words).toContain(w);
    for (const w of ['[n]', 'cancel', '[e]', 'edit', '(sandboxed)']) expect(words).toContain(w);
    expect(rows.join('\n')).toMatch(/\[n\] cancel/);
    for (const r of rows) expect(r.length).toBeLessThan(60);
  });

  it('the sandbox hint shows for a command that writes, not for a plain read-only one', async () => {
    const s = await startFlow([{ kind: 'reply', json: plan('ls -1') }, { kind: 'reply', json: plan('touch new.txt') }]);
    let from = s.driver.mark();
    await enterLine(s, 'list the files');
    await s.driver.waitSince(from, menu);
    const listed = rowsSince(s, from).join('\n');
    expect(listed).toMatch(/risk: read_only → run/);
    expect(listed).not.toMatch(/sandbox:|\[u\] the sandbox/);
    const cancel = s.driver.mark();
    s.type('n');
    await s.driver.waitSince(cancel, /[$#] list the files$/m);
    s.type('\x15');
    from = s.driver.mark();
    await enterLine(s, 'make a new file');
    await s.driver.waitSince(from, menu);
    expect(rowsSince(s, from).join('\n')).toMatch(/sandbox: writes only in ~/);
  });

  it('Enter cancels a plan the model was not confident in, even a read-only one', async () => {
    const s = await startFlow([{ kind: 'reply', json: plan('cat notes.txt', { confidence: 0.1 }) }]);
    const from = s.driver.mark();
    await enterLine(s, 'show the notes');
    await s.driver.waitSince(from, menu);
    expect(rowsSince(s, from).join('\n')).toMatch(/\(Enter: cancel\)/);
    const enter = s.driver.mark();
    s.type('\r');
    await s.driver.waitSince(enter, /[$#] show the notes$/m);
    expect(s.since(enter.bytes)).not.toMatch(/^a$/m);
  });
});
