// The download's progress: one redrawn line on a terminal, sparse lines elsewhere.

import { describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { createProgress, progressLine } from '../../src/cli/download-progress.js';

function capture(): { out: PassThrough; text: () => string } {
  const out = new PassThrough();
  let text = '';
  out.on('data', (d: Buffer) => (text += d.toString()));
  return { out, text: () => text };
}

describe('download progress', () => {
  it('a line says percent, MB, speed and ETA', () => {
    expect(progressLine(470_100_000, 1_117_300_000, 12_300_000)).toBe(' 42%  470.1/1117.3 MB  12.3 MB/s  ETA 0:53');
    expect(progressLine(5_000_000, undefined, 1_000_000)).toBe('5.0 MB  1.0 MB/s');
    expect(progressLine(0, 4_000_000_000, 1_000_000)).toMatch(/ETA 1:06:40$/);
    expect(progressLine(0, 100, 0)).toMatch(/ETA --:--$/);
  });

  it('on a terminal: one line redrawn in place, at most every 100 ms, and the last one always', () => {
    let t = 0;
    const { out, text } = capture();
    const p = createProgress(out, true, () => t);
    for (let i = 0; i <= 100; i++) {
      t += 10;
      p.update(i * 10_000, 1_000_000);
    }
    p.finish();
    const draws = text().split('\r\x1b[K').filter(Boolean);
    expect(draws.length).toBeGreaterThan(5);
    expect(draws.length).toBeLessThan(15);
    expect(draws.at(-1)).toMatch(/^100%  1\.0\/1\.0 MB/);
    expect(text()).not.toContain('\n');
    expect(text().endsWith('\r\x1b[K')).toBe(true);
  });

  it('elsewhere: a line per 10 %, nothing redrawn', () => {
    let t = 0;
    const { out, text } = capture();
    const p = createProgress(out, false, () => t);
    for (let i = 0; i <= 1000; i++) {
      t += 1;
      p.update(i * 1000, 1_000_000);
    }
    p.finish();
    const lines = text().trimEnd().split('\n');
    expect(lines).toHaveLength(11);
    expect(lines[10]).toMatch(/^nl-sh: 100%/);
    expect(text()).not.toContain('\r');
  });
});
