import { afterEach, describe, expect, it, vi } from 'vitest';
import { collectWhenIdle } from '../src/collect-when-idle.js';

const holder = globalThis as { gc?: unknown };
const original = holder.gc;

afterEach(() => {
  vi.useRealTimers();
  holder.gc = original;
});

describe('collectWhenIdle', () => {
  it('runs one full collection after the delay, not before', () => {
    vi.useFakeTimers();
    const gc = vi.fn();
    holder.gc = gc;
    collectWhenIdle(100);
    vi.advanceTimersByTime(99);
    expect(gc).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(gc).toHaveBeenCalledExactlyOnceWith({ type: 'major', execution: 'sync', flavor: 'last-resort' });
  });

  it('does nothing when Node runs without --expose-gc', () => {
    vi.useFakeTimers();
    holder.gc = undefined;
    collectWhenIdle(10);
    expect(vi.getTimerCount()).toBe(0);
  });
});
