// Test support: a test that needs a tool or a kernel feature skips without it on a developer's
// machine (with a message), but fails in CI, where .ci/run installs everything.

/** True when the suite may run; throws in CI when it may not. */
export function availableOrFailInCi(available: boolean, what: string): boolean {
  if (available) return true;
  if (process.env.CI === 'true') throw new Error(`${what} is not available; CI must provide it (see .ci/run)`);
  console.warn(`skipping: ${what} is not available here`);
  return false;
}
