// Word wrapping for nl-sh's own text on the terminal: lines break at spaces to fit the width
// (a word is split only when it is longer than a whole row), continuation rows are indented
// under the line's own indent, escape sequences take no width and wide characters take two.

/** An escape sequence (CSI, OSC up to BEL or ST, or a two-byte escape): no width on screen. */
const ESCAPE = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[^[\]]/y;
/** Extra indent of continuation rows, under the line's own. */
const HANGING = 2;

/** Columns a code point takes: 2 for East Asian wide and fullwidth forms (and emoji), 0 for
 *  combining marks, else 1. A table of the main blocks, not all of Unicode's EastAsianWidth. */
export function charWidth(codePoint: number): number {
  if ((codePoint >= 0x300 && codePoint <= 0x36f) || (codePoint >= 0x200b && codePoint <= 0x200f) || codePoint === 0xfe0f) return 0;
  const wide =
    (codePoint >= 0x1100 && codePoint <= 0x115f) ||
    (codePoint >= 0x2e80 && codePoint <= 0x303e) ||
    (codePoint >= 0x3041 && codePoint <= 0x33ff) ||
    (codePoint >= 0x3400 && codePoint <= 0x4dbf) ||
    (codePoint >= 0x4e00 && codePoint <= 0x9fff) ||
    (codePoint >= 0xa000 && codePoint <= 0xa4cf) ||
    (codePoint >= 0xac00 && codePoint <= 0xd7a3) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xfe30 && codePoint <= 0xfe4f) ||
    (codePoint >= 0xff00 && codePoint <= 0xff60) ||
    (codePoint >= 0xffe0 && codePoint <= 0xffe6) ||
    (codePoint >= 0x1f300 && codePoint <= 0x1f64f) ||
    (codePoint >= 0x1f900 && codePoint <= 0x1f9ff) ||
    (codePoint >= 0x20000 && codePoint <= 0x3fffd);
  return wide ? 2 : 1;
}

/** A piece of a line: an escape sequence (width 0) or one character. */
interface Cell {
  text: string;
  width: number;
}

// The line as cells, escapes kept whole.
function cellsOf(line: string): Cell[] {
  const cells: Cell[] = [];
  for (let i = 0; i < line.length; ) {
    ESCAPE.lastIndex = i;
    const escape = line[i] === '\x1b' ? ESCAPE.exec(line) : null;
    if (escape) {
      cells.push({ text: escape[0], width: 0 });
      i += escape[0].length;
      continue;
    }
    const cp = line.codePointAt(i) ?? 0;
    const ch = String.fromCodePoint(cp);
    cells.push({ text: ch, width: charWidth(cp) });
    i += ch.length;
  }
  return cells;
}

/** Columns `text` takes on screen (escapes 0, wide characters 2). */
export function displayWidth(text: string): number {
  return cellsOf(text).reduce((sum, c) => sum + c.width, 0);
}

/** A word (a run of cells with no space) and the spaces before it. */
interface Word {
  gap: Cell[];
  cells: Cell[];
}

// The line's words, each with the spaces before it; `trail` holds spaces after the last word.
function wordsOf(cells: Cell[]): { words: Word[]; trail: Cell[] } {
  const words: Word[] = [];
  let gap: Cell[] = [];
  let word: Cell[] = [];
  for (const cell of cells) {
    if (cell.text === ' ') {
      if (word.length > 0) {
        words.push({ gap, cells: word });
        gap = [];
        word = [];
      }
      gap.push(cell);
    } else word.push(cell);
  }
  if (word.length > 0) {
    words.push({ gap, cells: word });
    gap = [];
  }
  return { words, trail: gap };
}

const widthOf = (cells: Cell[]): number => cells.reduce((sum, c) => sum + c.width, 0);
const textOf = (cells: Cell[]): string => cells.map((c) => c.text).join('');

/** One line (no newlines) as rows of at most `cols` columns, broken at spaces; continuation rows
 *  are indented under the line's indent; a word wider than a row is split. Pure. */
export function wrapLine(line: string, cols: number): string[] {
  if (!(cols > 0) || displayWidth(line) <= cols) return [line];
  const { words, trail } = wordsOf(cellsOf(line));
  const indentWidth = line.length - line.trimStart().length;
  const indent = ' '.repeat(Math.min(indentWidth + HANGING, Math.floor(cols / 2)));
  const rows: string[] = [];
  let row = '';
  let width = 0;
  let hasWord = false;
  const newRow = (): void => {
    rows.push(row);
    row = indent;
    width = indent.length;
    hasWord = false;
  };
  for (const word of words) {
    const gapWidth = hasWord ? widthOf(word.gap) : word.gap.length;
    const wordWidth = widthOf(word.cells);
    if (hasWord && width + gapWidth + wordWidth > cols) newRow();
    else if (width + gapWidth <= cols) {
      row += textOf(word.gap);
      width += gapWidth;
    }
    for (const cell of word.cells) {
      if (cell.width > 0 && width + cell.width > cols) newRow();
      row += cell.text;
      width += cell.width;
    }
    hasWord = true;
  }
  if (width + trail.length <= cols) row += textOf(trail);
  rows.push(row);
  return rows;
}

/** Text with CRLF (or LF) line ends, each line wrapped to `cols`, rows joined by CRLF. A `\r`
 *  that starts a line (a redraw in place) is kept. Pure. */
export function wrapText(text: string, cols: number | undefined): string {
  if (cols === undefined || cols < 2) return text;
  // One column spare: a row that fills the width leaves the cursor in the pending-wrap state.
  const width = cols - 1;
  return text
    .split('\r\n')
    .map((line) => {
      const lead = /^(\r(?:\x1b\[K)?)*/.exec(line)?.[0] ?? '';
      return lead + wrapLine(line.slice(lead.length), width).join('\r\n');
    })
    .join('\r\n');
}
