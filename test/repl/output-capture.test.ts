import { describe, expect, it } from 'vitest';
import { OutputCapture } from '../../src/repl/output-capture.js';
import { renderTerminalText } from '../../src/repl/pty/screen-text.js';

describe('OutputCapture', () => {
  it('keeps the output of the last finished command with its line and status', () => {
    const c = new OutputCapture(64);
    c.noteLine('make');
    c.begin();
    c.append(Buffer.from('building\r\n'));
    c.append(Buffer.from('error: x\r\n'));
    expect(c.finish(2)).toBe(true);
    expect(c.lastCommand()).toMatchObject({ line: 'make', status: 2, totalBytes: 20 });
    expect(c.lastCommand()?.output.toString()).toBe('building\r\nerror: x\r\n');
  });

  it('keeps only the last `capacity` bytes, in order, across wrap-around', () => {
    const c = new OutputCapture(10);
    c.begin();
    for (const part of ['abcd', 'efgh', 'ijkl', 'mn']) c.append(Buffer.from(part));
    c.finish(0);
    expect(c.lastCommand()?.output.toString()).toBe('efghijklmn');
    expect(c.lastCommand()?.totalBytes).toBe(14);
  });

  it('a single chunk larger than the capacity keeps its tail', () => {
    const c = new OutputCapture(4);
    c.begin();
    c.append(Buffer.from('0123456789'));
    c.finish(0);
    expect(c.lastCommand()?.output.toString()).toBe('6789');
  });

  it('a finish without a running command (an empty line) changes nothing', () => {
    const c = new OutputCapture(16);
    c.begin();
    c.append(Buffer.from('x'));
    c.finish(0);
    expect(c.finish(1)).toBe(false);
    expect(c.lastCommand()).toMatchObject({ status: 0 });
  });

  it('output between commands is not captured', () => {
    const c = new OutputCapture(16);
    c.append(Buffer.from('prompt noise'));
    c.begin();
    c.append(Buffer.from('real'));
    c.finish(0);
    expect(c.lastCommand()?.output.toString()).toBe('real');
  });
});

describe('renderTerminalText', () => {
  it('renders what a person would see: colours dropped, carriage returns applied', async () => {
    const text = await renderTerminalText('\x1b[31mred\x1b[0m\r\nprogress 10%\rprogress 100%\r\n', 40, 5);
    expect(text).toBe('red\nprogress 100%');
  });
});
