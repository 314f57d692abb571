// Success by the model's stated confidence and by nl-sh's own signals, from the --json results of
// scripts/eval-translate.js: how often a proposal passed in each confidence bucket, and when a repair
// was needed, a program was not installed, or the command failed when it ran in the sandbox.
// Usage: node scripts/eval-calibration.js RESULTS.jsonl [MORE.jsonl ...] [--markdown]
import { readFileSync } from 'node:fs';

const files = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const markdown = process.argv.includes('--markdown');
if (files.length === 0) {
  console.error('usage: node scripts/eval-calibration.js RESULTS.jsonl [MORE.jsonl ...] [--markdown]');
  process.exit(2);
}
const results = files.flatMap((f) =>
  readFileSync(f, 'utf8')
    .split('\n')
    .filter((l) => l.trim().startsWith('{'))
    .map((l) => JSON.parse(l))
    .filter((r) => r.id !== undefined),
);

// A request that ended with no plan reports its tiers' outcomes only in its message (`embedded: missing-programs (…)`).
const outcomes = (r) => [...(r.attempts ?? []).map((a) => a.outcome), ...[...(r.why ?? '').matchAll(/: (missing-programs|invalid|error|timeout) \(/g)].map((m) => m[1])];
const failedRun = (r) => /\bexit (\d+)/.test(r.why ?? '') && !/\bexit 0\b/.test(r.why ?? '');
const buckets = [
  [0, 0.5],
  [0.5, 0.7],
  [0.7, 0.85],
  [0.85, 0.95],
  [0.95, 1.01],
];
const rows = [];
const row = (label, group) => {
  const passed = group.filter((r) => r.pass).length;
  rows.push([label, group.length, passed, group.length ? `${Math.round((100 * passed) / group.length)}%` : '-']);
};
for (const [lo, hi] of buckets) row(`confidence ${lo.toFixed(2)}–${Math.min(hi, 1).toFixed(2)}${hi > 1 ? '' : ' (excl.)'}`, results.filter((r) => typeof r.confidence === 'number' && r.confidence >= lo && r.confidence < hi));
row('no proposal', results.filter((r) => !r.command));
row('a repair was needed (invalid reply)', results.filter((r) => outcomes(r).includes('invalid')));
row('reply cut at its token limit', results.filter((r) => /limit of \d+ tokens/.test(r.why ?? '')));
row('a program not installed', results.filter((r) => outcomes(r).includes('missing-programs')));
row('nonzero exit in the sandbox', results.filter((r) => r.command && failedRun(r)));
row('clean (no repair, exit 0)', results.filter((r) => r.command && !outcomes(r).includes('invalid') && !failedRun(r)));
row('all', results);

if (markdown) {
  console.log('| group | n | passed | rate |\n|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
} else {
  for (const [label, n, passed, rate] of rows) console.log(`${label.padEnd(34)} ${String(n).padStart(4)} ${String(passed).padStart(4)}  ${rate}`);
}
