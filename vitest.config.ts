import { defineConfig } from 'vitest/config';

// Pure tests run in parallel; end-to-end tests drive real ptys and tmux, so they get
// generous timeouts and a bounded pool to stay within a 2-core machine.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default', './test/support/summary-reporter.ts'],
  },
});
