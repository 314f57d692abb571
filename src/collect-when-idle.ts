// After a request the shell sits at the prompt: one full collection then hands the request's
// garbage back, so the process stays near its size after the first request instead of growing
// until V8 next needs space. Works only when Node runs with --expose-gc (the launcher passes it);
// otherwise it does nothing.

type GarbageCollector = (options: { type: 'major'; execution: 'async' }) => Promise<void> | void;

/** Run one full garbage collection `delayMs` from now, off the way of the next keystroke's echo. */
export function collectWhenIdle(delayMs = 250): void {
  const gc = (globalThis as { gc?: GarbageCollector }).gc;
  if (typeof gc !== 'function') return;
  setTimeout(() => {
    void Promise.resolve(gc({ type: 'major', execution: 'async' })).catch(() => undefined);
  }, delayMs).unref();
}
