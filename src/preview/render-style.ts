// What the formatters share: the style they render in, colour when it is on, and rows joined
// with the CRLF line ends a raw terminal needs.

import { styleText } from 'node:util';

/** How to render: with colour or without (NO_COLOR, dumb terminals, tests). */
export interface RenderStyle {
  color: boolean;
  /** Terminal width, when known: text wraps at word boundaries to it; one-line status text is cut to fit. */
  cols?: number;
  /** The terminal's locale is not UTF-8: nl-sh's own symbols become ASCII (`→` is `->`). */
  ascii?: boolean;
}

/** A format styleText knows (a colour, `bold`, `dim`, or several). */
export type Format = Parameters<typeof styleText>[0];

/** `text` in `format` when colour is on, else as it is. */
export const paint = (style: RenderStyle, format: Format, text: string): string => (style.color ? styleText(format, text, { validateStream: false }) : text);

/** Rows as terminal text, each ending in CRLF (a newline inside a row starts a new row). */
export const crlfRows = (...rows: string[]): string => rows.map((r) => `${r.replace(/\n/g, '\r\n')}\r\n`).join('');
