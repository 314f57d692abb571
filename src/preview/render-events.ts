// Formatters for the flow's events: one per kind (the compiler checks every kind has one), each
// returning terminal text with CRLF line ends. Everything that came from a model, a command
// line or a file is passed through neutralizeForDisplay, so it cannot act on the terminal.

import { neutralizeForDisplay as inert } from '../planner/neutralize.js';
import type { FlowEvent } from './flow-events.js';
import { dryRunRows, renderPreview } from './render-preview.js';
import { crlfRows as lines, paint, type RenderStyle } from './render-style.js';
import { wrapText } from './wrap.js';

/** How to render (defined in render-style.ts, named here for the flow). */
export type { RenderStyle } from './render-style.js';

// nl-sh's own symbols and their ASCII forms, for terminals whose locale is not UTF-8.
const ASCII_FORMS: Record<string, string> = { '→': '->', '·': '-', '…': '...', '␛': '^[', '‹': '<', '—': '-' };
const toAscii = (text: string): string => text.replace(/[→·…␛‹—]|[\u2800-\u28ff]/g, (c) => ASCII_FORMS[c] ?? '*');

/** Whether a locale environment says UTF-8 (LC_ALL, then LC_CTYPE, then LANG, as setlocale reads them). */
export function localeIsUtf8(env: Record<string, string | undefined>): boolean {
  const locale = env.LC_ALL || env.LC_CTYPE || env.LANG || '';
  return /utf-?8/i.test(locale);
}

type Formatters = { [K in FlowEvent['kind']]: (event: Extract<FlowEvent, { kind: K }>, style: RenderStyle) => string };

// A status line redrawn in place must fit on one row, or its wrapped part stays behind.
const fit = (text: string, s: RenderStyle): string => {
  const max = s.cols !== undefined && s.cols > 1 ? s.cols - 1 : Infinity;
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, Math.max(0, max - 1)).join('')}…` : text;
};

const formatters: Formatters = {
  planning: (e, s) => `\r\x1b[K${paint(s, 'dim', fit(`${e.frame ? `${e.frame} ` : ''}nl-sh: ${e.question ? 'thinking' : 'planning'}${e.tier ? ` with ${inert(e.tier)}` : ''}… (Ctrl-C cancels)`, s))}`,
  preview: (e, s) => `\r\x1b[K${renderPreview(e.preview, s, e.fold)}`,
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
