// The bounded runner: exit status and output, the time limit, the cap (kill or discard), abort,
// a program that does not exist, and a script's children dying with it.

import { describe, expect, it } from 'vitest';
import { runBounded } from '../src/run-bounded.js';

describe('runBounded', () => {
  it('gives the exit status, stdout and stderr', async () => {
    expect(await runBounded(['sh', '-c', 'echo out; echo err >&2; exit 3'], { timeoutMs: 2000, maxBytes: 1000 })).toEqual({ status: 3, stdout: 'out\n', stderr: 'err\n', timedOut: false, capped: false });
  });

  it('kills at the time limit, with the script\'s children', async () => {
    const started = performance.now();
    const r = await runBounded(['sh', '-c', 'sleep 5 & sleep 5; wait'], { timeoutMs: 100, maxBytes: 1000 });
    expect(r).toMatchObject({ status: null, timedOut: true });
    // The background sleep holds the pipe open: only a kill of the whole group ends it this soon.
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('stops a flood at the cap and keeps its first bytes, or lets it finish and drops the rest', async () => {
    const flood = ['sh', '-c', 'yes x'];
    const killed = await runBounded(flood, { timeoutMs: 5000, maxBytes: 1000 });
    expect(killed).toMatchObject({ status: null, capped: true, timedOut: false });
    expect(killed.stdout).toBe('x\n'.repeat(500));
    const finite = await runBounded(['sh', '-c', 'head -c 100000 /dev/zero | tr "\\0" x'], { timeoutMs: 5000, maxBytes: 1000, onCap: 'discard' });
    expect(finite).toMatchObject({ status: 0, capped: true, stdout: 'x'.repeat(1000) });
  });

  it('stops when the signal aborts, and does not start when it already has', async () => {
    const controller = new AbortController();
    const running = runBounded(['sleep', '5'], { timeoutMs: 5000, maxBytes: 1000, signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    expect(await running).toMatchObject({ status: null, timedOut: false });
    expect(await runBounded(['true'], { timeoutMs: 5000, maxBytes: 10, signal: controller.signal })).toMatchObject({ status: null });
  });

  it('a program that does not exist ends with no status', async () => {
    expect(await runBounded(['no-such-program-nlsh'], { timeoutMs: 1000, maxBytes: 10 })).toMatchObject({ status: null, stdout: '' });
  });
});
