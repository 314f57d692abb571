// Formatters for the flow's events: one per kind (the compiler checks every kind has one), each
// returning terminal text with CRLF line ends. Everything that came from a model, a command
// line or a file is passed through neutralizeForDisplay, so it cannot act on the terminal.

import { styleText } from 'node:util';
import { neutralizeForDisplay as inert } from '../planner/neutralize.js';
import { formatReason } from '../risk/assessment.js';
import type { DryRunView, FlowEvent, PartLine, Preview } from './flow-events.js';
import { renderHighlighted } from './highlight.js';
import { wrapText } from './wrap.js';

/** How to render: with colour or without (NO_COLOR, dumb terminals, tests). */
export interface RenderStyle {
  color: boolean;
  /** Terminal width, when known: text wraps at word boundaries to it; one-line status text is cut to fit. */
  cols?: number;
  /** The terminal's locale is not UTF-8: nl-sh's own symbols become ASCII (`→` is `->`). */
  ascii?: boolean;
}

// nl-sh's own symbols and their ASCII forms, for terminals whose locale is not UTF-8.
const ASCII_FORMS: Record<string, string> = { '→': '->', '·': '-', '…': '...', '␛': '^[', '‹': '<', '—': '-' };
const toAscii = (text: string): string => text.replace(/[→·…␛‹—]|[\u2800-\u28ff]/g, (c) => ASCII_FORMS[c] ?? '*');

/** Whether a locale environment says UTF-8 (LC_ALL, then LC_CTYPE, then LANG, as setlocale reads them). */
export function localeIsUtf8(env: Record<string, string | undefined>): boolean {
  const locale = env.LC_ALL || env.LC_CTYPE || env.LANG || '';
  return /utf-?8/i.test(locale);
}

type Format = Parameters<typeof styleText>[0];
type Formatters = { [K in FlowEvent['kind']]: (event: Extract<FlowEvent, { kind: K }>, style: RenderStyle) => string };

const paint = (style: RenderStyle, format: Format, text: string): string => (style.color ? styleText(format, text, { validateStream: false }) : text);
const lines = (...rows: string[]): string => rows.map((r) => `${r.replace(/\n/g, '\r\n')}\r\n`).join('');
const levelColour: Record<string, 'green' | 'yellow' | 'magenta' | 'red'> = { read_only: 'green', writes: 'yellow', network_exec: 'magenta', destructive: 'red', privileged: 'red' };

const sourceLabel = (line: PartLine): string => {
  if (line.source === 'help') return `(${line.program ?? 'its'} --help)`;
  return line.source === 'rules' ? '(nl-sh rules)' : '(model)';
};

function renderPreview(p: Preview, style: RenderStyle): string {
  const out: string[] = [''];
  const command = p.spans ? renderHighlighted(p.command, p.spans, style.color) : inert(p.command);
  out.push(`  ${command.replace(/\n/g, '\n  ')}`, '');
  if (p.summary) out.push(`  ${paint(style, 'dim', 'model:')} ${inert(p.summary)}`);
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
  const level = paint(style, ['bold', levelColour[p.risk.level] ?? 'red'], p.risk.level);
  const why = p.risk.why === `${p.risk.level} → ${p.risk.action}` ? '' : ` (${inert(p.risk.why)})`;
  out.push(`  risk: ${level} → ${p.risk.action}${why}`);
  for (const r of p.risk.reasons.slice(0, 6)) out.push(`      ${inert(formatReason(r))}`);
  if (p.risk.reasons.length > 6) out.push(`      … and ${p.risk.reasons.length - 6} more`);
  if (p.dryRun) out.push(...dryRunRows(p.dryRun));
  out.push(`  ${paint(style, 'dim', sourceText(p))}`);
  return lines(...out);
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

function dryRunRows(v: DryRunView): string[] {
  if (!v.available) return [`  dry run: not available (${inert(v.reason)})`];
  const notes: string[] = [];
  if (v.exitStatus !== undefined && v.exitStatus !== 0) notes.push(`it exited ${v.exitStatus}`);
  if (v.timedOut) notes.push('stopped at the time limit');
  if (v.capped) notes.push('hit the size cap');
  if (v.networkSuspected) notes.push('it seemed to want the network, which is off in a dry run');
  const head = v.changed === 0 ? 'no files would change' : `${v.changed} file change${v.changed === 1 ? '' : 's'}`;
  return [`  dry run: ${head}${notes.length ? ` (${notes.join('; ')})` : ''}`, ...v.summary.map((l) => `      ${inert(l)}`), ...v.detail.map((l) => `        ${inert(l)}`)];
}

// A status line redrawn in place must fit on one row, or its wrapped part stays behind.
const fit = (text: string, s: RenderStyle): string => {
  const max = s.cols !== undefined && s.cols > 1 ? s.cols - 1 : Infinity;
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, Math.max(0, max - 1)).join('')}…` : text;
};

const formatters: Formatters = {
  planning: (e, s) => `\r\x1b[K${paint(s, 'dim', fit(`${e.frame ? `${e.frame} ` : ''}nl-sh: ${e.question ? 'thinking' : 'planning'}${e.tier ? ` with ${inert(e.tier)}` : ''}… (Ctrl-C cancels)`, s))}`,
  preview: (e, s) => `\r\x1b[K${renderPreview(e.preview, s)}`,
  choices: (e, s) => menuRows(e.menu.choices, e.menu.defaultId, s),
  'dry-running': (_e, s) => `\r\x1b[K${paint(s, 'dim', fit('  dry run: running in a copy-on-write sandbox…', s))}`,
  'dry-run': (e) => `\r\x1b[K${lines(...dryRunRows(e.view))}`,
  'answer-start': (e, s) => lines('', paint(s, 'dim', `  ${inert(e.label)} (model):`)),
  'answer-text': (e) => inert(e.text).replace(/\n/g, '\r\n'),
  'answer-end': () => '\r\n',
  'confirm-typed': (e, s) => `${lines('', `  ${inert(e.why)}`)}  ${paint(s, 'bold', `type ${e.word} and Enter to run it`)} (anything else cancels): `,
  prompt: (e) => `\r\n  ${inert(e.label)}: `,
  // OSC 52 carries the text base64-encoded, so nothing in it can act on the terminal.
  copied: (e) => `\x1b]52;c;${Buffer.from(e.text).toString('base64')}\x07${lines('', `  copied ${Buffer.byteLength(e.text)} bytes to the clipboard (OSC 52: the terminal must allow clipboard writes)`)}`,
  remembered: (e) => lines('', `  remembered: ${inert(e.rule)} (in ${inert(e.file)}; edit or delete it there)`),
  run: (e, s) => `\r\x1b[K${e.degraded.map((d) => `${paint(s, 'dim', `  sandbox: ${inert(d)}`)}\r\n`).join('')}`,
  exit: (e) => (e.denial ? lines(`nl-sh: ${inert(e.denial)}`) : ''),
  denied: (e) => lines('', `  nl-sh will not run this: ${inert(e.why)}`),
  hint: (e, s) => lines(`  ${paint(s, 'dim', inert(e.text))}`),
  'status-clear': () => '\r\x1b[K',
  cancelled: () => '\r\n',
  error: (e) => lines(`nl-sh: ${inert(e.message)}`),
};

// Kinds not wrapped here: status lines already cut to one row, and streamed text (a piece of a
// line cannot know where its row began).
const UNWRAPPED: ReadonlySet<FlowEvent['kind']> = new Set(['planning', 'dry-running', 'answer-text']);

/** Render one event as terminal text, wrapped at word boundaries to the terminal's width. */
export function renderEvent(event: FlowEvent, style: RenderStyle): string {
  const text = (formatters[event.kind] as (e: FlowEvent, s: RenderStyle) => string)(event, style);
  const shown = style.ascii ? toAscii(text) : text;
  return UNWRAPPED.has(event.kind) ? shown : wrapText(shown, style.cols);
}

// The menu, wrapped between choices (never inside one) to the terminal's width.
function menuRows(choices: readonly { key: string; label: string }[], defaultId: string, s: RenderStyle): string {
  const max = s.cols !== undefined && s.cols > 1 ? s.cols - 1 : Infinity;
  // The Enter hint stays on the line of the last choice.
  const enter = `(Enter: ${defaultId})`;
  const items = choices.map((c, i) => {
    const last = i === choices.length - 1;
    return { plain: `[${c.key}] ${c.label}${last ? `  ${enter}` : ''}`, shown: `${paint(s, 'bold', `[${c.key}]`)} ${c.label}${last ? `  ${paint(s, 'dim', enter)}` : ''}` };
  });
  const rows: string[] = [];
  let row = '';
  let width = 0;
  for (const item of items) {
    if (width > 0 && width + 2 + item.plain.length > max) {
      rows.push(row);
      row = '';
      width = 0;
    }
    row += `  ${item.shown}`;
    width += 2 + item.plain.length;
  }
  rows.push(row);
  return `${rows.join('\r\n')} `;
}
