// Turns raw terminal bytes into the text a person would see, with @xterm/headless. Loaded
// lazily and only on request (a `?` question, planner context, tests): never on the hot path.

/** Render bytes as a screen of `cols` x `rows` and return its visible lines (and scrollback). */
export async function renderTerminalText(bytes: Buffer | string, cols = 120, rows = 50, scrollback = 1000): Promise<string> {
  const { Terminal } = (await import('@xterm/headless')).default;
  const term = new Terminal({ cols, rows, scrollback, allowProposedApi: true });
  await new Promise<void>((resolve) => term.write(typeof bytes === 'string' ? bytes : new Uint8Array(bytes), resolve));
  const buf = term.buffer.active;
  const lines: string[] = [];
  for (let i = 0; i < buf.length; i++) lines.push(buf.getLine(i)?.translateToString(true) ?? '');
  term.dispose();
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.join('\n');
}
