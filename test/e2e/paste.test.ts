// Pastes and keys typed ahead, as the stock user at a real pty with a fake Ollama server: a
// paste of shell lines runs as bash runs it; a paste holding an English line runs nothing until
// the user has seen each line and chosen; the rest of a paste that was not bracketed never glues
// onto a request given back to the buffer; keys typed while the model thinks never answer the
// preview. Waits only look at output written after a mark.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FakeBehaviour } from '../support/fake-ollama-server.js';
import { plan } from '../support/plan-reply.js';
import { useStockFlowShell } from '../support/stock-flow-shell.js';
import type { StockShell } from '../support/stock-user.js';

const flow = useStockFlowShell();
const user = flow.user;
const start = (chat: FakeBehaviour[] = []): Promise<StockShell> => flow.start(chat, { 'keep.log': 'x' }, { cols: 160 });
const chats = (): number => flow.chatCount();
const madeByEnglish = (): string[] => ['up', 'the', 'readme'].filter((f) => existsSync(join(flow.home(), f)));
const paste = (text: string): string => `\x1b[200~${text}\x1b[201~`;
const chooser = /\[n\] cancel all\s+\(Enter: cancel\)/;
// The prompt with `line` left in the buffer after it.
const promptWith = (s: StockShell, line: string): RegExp => new RegExp(`${s.prompt.source.replace(/\$$/, '')}${line}$`, 'm');

describe(`pastes, as ${user.name}`, () => {
  it('a bracketed paste of shell lines runs as bash runs it', async () => {
    const s = await start();
    const m = s.mark();
    s.type(`${paste('echo first-$((1+1))\nfor w in a b; do\n  echo "loop-$w"\ndone\necho last')}\r`);
    const out = await s.waitAfter(m, new RegExp(`last\\n${s.prompt.source}`));
    expect(out).toMatch(/first-2\nloop-a\nloop-b\nlast/);
    expect(out).not.toMatch(/\[s\]|cancel all/);
    expect(chats()).toBe(0);
  });

  it('a bracketed paste with an English line shows each line with its route and runs nothing until a key; s runs the shell lines only', async () => {
    const s = await start();
    let m = s.mark();
    s.type(`${paste('echo one\ntouch up the readme\necho two')}\r`);
    // The chooser, or (before this was built) bash's next prompt after running it all.
    const shown = await s.waitAfter(m, new RegExp(`${chooser.source}|two\\n${s.prompt.source}`));
    expect(madeByEnglish()).toEqual([]);
    expect(shown).toMatch(chooser);
    expect(shown).toMatch(/bash +echo one/);
    expect(shown).toMatch(/model +touch up the readme/);
    expect(shown).toMatch(/\[s\] run the 2 shell commands only/);
    expect(madeByEnglish()).toEqual([]);
    m = s.mark();
    s.type('s');
    const out = await s.waitAfter(m, new RegExp(`two\\n${s.prompt.source}`));
    expect(out).toMatch(/one\ntwo/);
    expect(madeByEnglish()).toEqual([]);
    expect(chats()).toBe(0);
  });

  it('without bracketed paste, an English line and shell lines pasted at once never run unseen, and never glue onto a request given back', async () => {
    const s = await start([{ kind: 'reply', json: plan('ls') }]);
    let m = s.mark();
    s.type("bind 'set enable-bracketed-paste off'\r");
    await s.waitAfter(m, s.prompt);
    m = s.mark();
    // One write, as a terminal without bracketed paste sends a paste.
    s.type('touch up the readme\recho two\recho three\r');
    // The chooser, or (before this was built) the model's preview of the first line alone.
    const shown = await s.waitAfter(m, /\(Enter: (run|cancel)\)/);
    expect(shown).toMatch(chooser);
    expect(shown).toMatch(/bash +echo two/);
    expect(madeByEnglish()).toEqual([]);
    // Ask about the English line: the model's preview, then cancel gives back the request alone.
    m = s.mark();
    s.type('a');
    await s.waitAfter(m, /\[n\] cancel\s+\(Enter: (run|cancel)\)/);
    m = s.mark();
    s.type('n');
    await s.waitAfter(m, promptWith(s, 'touch up the readme'));
    // Enter now would send exactly the request again, nothing glued onto it.
    expect(s.since(m)).not.toMatch(/readmeecho|two|three/);
    expect(chats()).toBe(1);
    expect(madeByEnglish()).toEqual([]);
  });

  it('keys typed while the model thinks never answer the preview, and are said to be ignored', async () => {
    const s = await start([{ kind: 'reply', json: plan('rm -f keep.log'), delayMs: 1500 }]);
    let m = s.mark();
    s.type('delete the log file\r');
    await s.waitAfter(m, /planning/);
    s.type('r');
    s.type('yes\r');
    m = s.mark();
    const shown = await s.waitAfter(m, /\(Enter: cancel\)/);
    expect(shown).toMatch(/ignored 5 keys typed before this choice appeared/);
    expect(existsSync(join(flow.home(), 'keep.log'))).toBe(true);
    m = s.mark();
    s.type('n');
    await s.waitAfter(m, promptWith(s, 'delete the log file'));
    expect(s.since(m)).not.toMatch(/fileyes|filer/);
    expect(existsSync(join(flow.home(), 'keep.log'))).toBe(true);
    expect(chats()).toBe(1);
  });
});
