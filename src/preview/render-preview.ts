// The preview of a planned command as terminal rows: the command, the model's summary, the
// parts, assumptions and tool context, the risk with its reasons, the dry run and where the plan
// came from. Folded, it keeps the command, the summary, the risk and the source, and names what
// is behind the details key; everything from a model or a file goes through neutralizeForDisplay.

import { neutralizeForDisplay as inert } from '../planner/neutralize.js';
import { formatReason } from '../risk/assessment.js';
import type { DryRunView, PartLine, Preview } from './flow-events.js';
import type { PreviewFold } from './fold.js';
import { renderHighlighted } from './highlight.js';
import { crlfRows, paint, type RenderStyle } from './render-style.js';

const levelColour: Record<string, 'green' | 'yellow' | 'magenta' | 'red'> = { read_only: 'green', writes: 'yellow', network_exec: 'magenta', destructive: 'red', privileged: 'red' };
/** Reasons the whole preview lists before it says how many more there are. */
const MAX_REASONS = 6;
/** The key that shows the details of a folded preview (see choices.ts). */
const DETAILS_KEY = 'i';

const sourceLabel = (line: PartLine): string => {
  if (line.source === 'help') return `(${line.program ?? 'its'} --help)`;
  return line.source === 'rules' ? '(nl-sh rules)' : '(model)';
};
const counted = (n: number, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`;

/** The preview as terminal text, whole or folded to fit a short terminal. */
export function renderPreview(p: Preview, style: RenderStyle, fold: PreviewFold = 'full'): string {
  const command = p.spans ? renderHighlighted(p.command, p.spans, style.color) : inert(p.command);
  const commandRow = `  ${command.replace(/\n/g, '\n  ')}`;
  if (fold === 'minimal') return crlfRows('', commandRow, riskRow(p, style), foldedRow(p, fold, style));
  const out: string[] = ['', commandRow, ''];
  if (p.summary) out.push(`  ${paint(style, 'dim', 'model:')} ${inert(p.summary)}`);
  if (fold === 'full') out.push(...detailRows(p, style));
  out.push(riskRow(p, style));
  const reasons = fold === 'full' ? p.risk.reasons.slice(0, MAX_REASONS) : p.risk.reasons.slice(0, 1);
  for (const r of reasons) out.push(`      ${inert(formatReason(r))}`);
  if (fold === 'full' && p.risk.reasons.length > MAX_REASONS) out.push(`      … and ${p.risk.reasons.length - MAX_REASONS} more`);
  if (p.dryRun) out.push(...(fold === 'full' ? dryRunRows(p.dryRun) : dryRunRows(p.dryRun).slice(0, 1)));
  if (fold === 'folded') out.push(foldedRow(p, fold, style));
  out.push(`  ${paint(style, 'dim', sourceText(p))}`);
  return crlfRows(...out);
}

// The parts, the model's assumptions and the tool context that mattered.
function detailRows(p: Preview, style: RenderStyle): string[] {
  const out: string[] = [];
  // A part that is the whole command needs no heading: the command is right above.
  const single = p.parts.length === 1 && p.parts[0]?.text.trim() === p.command.trim();
  for (const part of p.parts) {
    if (!single) out.push(`  ${paint(style, 'bold', inert(part.text))}`);
    for (const l of part.lines) {
      const subject = l.subject ? `${inert(l.subject).padEnd(8)} ` : '';
      out.push(`      ${subject}${inert(l.text)} ${paint(style, 'dim', sourceLabel(l))}`);
    }
  }
  for (const a of p.assumptions) out.push(`  ${paint(style, 'dim', 'assumes (model):')} ${inert(a)}`);
  for (const fact of p.toolContext ?? []) out.push(`  ${paint(style, 'dim', inert(fact))}`);
  return out;
}

function riskRow(p: Preview, style: RenderStyle): string {
  const level = paint(style, ['bold', levelColour[p.risk.level] ?? 'red'], p.risk.level);
  const why = p.risk.why === `${p.risk.level} → ${p.risk.action}` ? '' : ` (${inert(p.risk.why)})`;
  return `  risk: ${level} → ${p.risk.action}${why}`;
}

// One row naming what the fold hides and the key that shows it.
function foldedRow(p: Preview, fold: PreviewFold, style: RenderStyle): string {
  const hidden: string[] = [];
  if (fold === 'minimal' && p.summary) hidden.push("the model's summary");
  if (p.parts.length > 0) hidden.push(counted(p.parts.length, 'part'));
  if (p.assumptions.length > 0) hidden.push(counted(p.assumptions.length, 'assumption'));
  if ((p.toolContext ?? []).length > 0) hidden.push('the tool context');
  const shownReasons = fold === 'minimal' ? 0 : 1;
  if (p.risk.reasons.length > shownReasons) hidden.push(counted(p.risk.reasons.length - shownReasons, fold === 'minimal' ? 'reason' : 'more reason'));
  if (p.dryRun && (fold === 'minimal' || dryRunRows(p.dryRun).length > 1)) hidden.push(fold === 'minimal' ? 'the dry run' : "the dry run's files");
  const what = hidden.length > 0 ? hidden.join(', ') : 'the rest of the preview';
  return `  ${paint(style, 'dim', `folded to fit the screen: ${what}; [${DETAILS_KEY}] shows them`)}`;
}

function sourceText(p: Preview): string {
  const s = p.source;
  if (s.kind === 'history') return `replayed from your history: the answer given ${s.at ? new Date(s.at).toLocaleString() : 'earlier'}${s.tier ? ` by ${s.tier}` : ''} (its explanation is from then; the risk is judged now)`;
  if (s.kind === 'cache') return `replayed from the cache: answered earlier by ${s.tier ?? 'a model'} (the risk is judged now)`;
  const parts = [`from ${s.tier ?? 'the model'}${s.model ? ` (${s.model})` : ''}`];
  if (s.latencyMs !== undefined) parts.push(`${(s.latencyMs / 1000).toFixed(1)} s`);
  if (s.costUsd) parts.push(`$${s.costUsd.toFixed(4)}`);
  if (s.lowConfidence) parts.push('low confidence');
  return parts.join(' · ');
}

/** The dry run's rows: a head line (what changes, and any notes), then the files and their diffs. */
export function dryRunRows(v: DryRunView): string[] {
  if (!v.available) return [`  dry run: not available (${inert(v.reason)})`];
  const notes: string[] = [];
  if (v.exitStatus !== undefined && v.exitStatus !== 0) notes.push(`it exited ${v.exitStatus}`);
  if (v.timedOut) notes.push('stopped at the time limit');
  if (v.capped) notes.push('hit the size cap');
  if (v.networkSuspected) notes.push('it seemed to want the network, which is off in a dry run');
  const head = v.changed === 0 ? 'no files would change' : `${v.changed} file change${v.changed === 1 ? '' : 's'}`;
  return [`  dry run: ${head}${notes.length ? ` (${notes.join('; ')})` : ''}`, ...v.summary.map((l) => `      ${inert(l)}`), ...v.detail.map((l) => `        ${inert(l)}`)];
}
