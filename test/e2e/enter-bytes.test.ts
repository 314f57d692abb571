// What the terminal receives between Enter and the command's output, as the stock Debian user:
// for a line that runs as typed, nl-sh sends exactly what plain bash sends (the redraw that
// bash's `bind -x` makes around the Enter hook never reaches the screen).

import { afterEach, describe, expect, it } from 'vitest';
import { makeStockHome, startAsStockUser, stockUser, type StockShell } from '../support/stock-user.js';

const user = stockUser();
let home: ReturnType<typeof makeStockHome> | undefined;
let sh: StockShell | undefined;
afterEach(() => {
  sh?.kill();
  home?.cleanup();
  sh = home = undefined;
});

// OSC sequences (prompt marks, cwd, title) removed: only what draws on the screen is compared.
const stripOsc = (s: string): string => s.replace(/\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)/g, '');

// The bytes a shell writes from the Enter after `line` up to the command's output `output`.
async function bytesFromEnter(s: StockShell, line: string, output: string): Promise<string> {
  const typed = s.mark();
  s.type(line);
  await s.waitAfter(typed, new RegExp(`${line.replace(/[$()*]/g, '\\$&')}$`));
  const from = s.mark();
  s.type('\r');
  const end = await s.driver.waitForRaw(output, from);
  return stripOsc(s.driver.raw().subarray(from, end).toString('latin1'));
}

describe(`Enter on a line that runs as typed, as ${user.name}`, () => {
  it('sends the terminal the same bytes as plain bash (no clear and redraw of the line)', async () => {
    home = makeStockHome(user);
    sh = await startAsStockUser(user, home.home, { argv: ['/bin/bash', '-i'] });
    const plain = await bytesFromEnter(sh, 'echo $((6*7))', '42\r\n');
    sh.kill();
    sh = await startAsStockUser(user, home.home);
    const nlsh = await bytesFromEnter(sh, 'echo $((6*7))', '42\r\n');
    expect(plain).toBe('\r\n\x1b[?2004l\r');
    expect(nlsh).toBe(plain);
  });

  it('a line typed in one piece with its Enter is no different', async () => {
    home = makeStockHome(user);
    sh = await startAsStockUser(user, home.home);
    const from = sh.mark();
    sh.type('echo $((6*7))\r');
    const end = await sh.driver.waitForRaw('42\r\n', from);
    expect(stripOsc(sh.driver.raw().subarray(from, end).toString('latin1'))).toBe('echo $((6*7))\r\n\x1b[?2004l\r');
  });
});
