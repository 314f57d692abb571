// How results are printed: one line (or JSON object) per task, and the summary line last.

/** One task's result as a line of text or of JSON. */
export function formatResult(r, json) {
  if (json) return JSON.stringify(r);
  const head = `${r.pass ? 'PASS' : 'FAIL'}  ${r.id}  (${r.latencyMs ?? '-'} ms, ${r.level ?? 'no verdict'})`;
  const command = r.command === null ? '(no command)' : JSON.stringify(r.command);
  return r.pass ? `${head}  ${command}` : `${head}  ${command}  -- ${r.why}`;
}

/** `translate: P/N passed (X%)`. */
export function summaryLine(results) {
  const passed = results.filter((r) => r.pass).length;
  const pct = results.length === 0 ? 0 : (100 * passed) / results.length;
  return `translate: ${passed}/${results.length} passed (${pct.toFixed(1)}%)`;
}
