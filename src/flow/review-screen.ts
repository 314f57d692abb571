// The preview with its notes and its menu as one screen: folded to the terminal's rows so the
// command and the risk never scroll off the top, with the details one key away, and drawn again
// below when the terminal changes size (a terminal reflows or cuts what is already on screen, so
// nl-sh does not try to redraw it in place).

import type { ChoiceMenu } from '../preview/choices.js';
import type { FlowEvent, Preview } from '../preview/flow-events.js';
import { fittingFold, type PreviewFold } from '../preview/fold.js';

/** The terminal as the review sees it: its height, the rows events would take on it, its resizes. */
export interface ReviewTerminal {
  rows(): number;
  rowsOf(events: readonly FlowEvent[]): number;
  /** Call `listener` after each change of size until the returned function is called. */
  onResize(listener: () => void): () => void;
}

/** What the screen is made of; read at each drawing (a dry run may have run since). */
export interface ReviewParts {
  preview(): Preview;
  /** Rows under the preview, drawn with it (a denial, where the command runs). */
  notes: readonly FlowEvent[];
  /** The menu, with [i] when the preview on screen is folded, and the hints drawn above it. */
  menu(detailsFolded: boolean): { hints: FlowEvent[]; menu: ChoiceMenu };
}

// The row above the preview: the request as the user typed it stays in view too.
const REQUEST_ROWS = 1;
// Resizes closer together than this (a window being dragged) draw the screen once.
const RESIZE_SETTLE_MS = 60;

/** Draws a review's screen and knows whether the preview on it is folded. */
export class ReviewScreen {
  private folded = false;

  constructor(
    private readonly terminal: ReviewTerminal,
    private readonly emit: (event: FlowEvent) => void,
    private readonly parts: ReviewParts,
  ) {}

  /** The whole screen, folded as far as it must be to fit; returns the menu on it. */
  drawAll(): ChoiceMenu {
    const fold = fittingFold((f) => this.terminal.rowsOf(this.screenAt(f).events), this.terminal.rows() - REQUEST_ROWS);
    return this.draw(this.screenAt(fold), fold !== 'full');
  }

  /** The menu again, under what the last choice printed. */
  drawMenu(): ChoiceMenu {
    return this.draw(this.menuAt(this.folded), this.folded);
  }

  /** The whole preview (the user asked for the details), then the menu. */
  drawDetails(): ChoiceMenu {
    const { events, menu } = this.menuAt(false);
    return this.draw({ events: [{ kind: 'preview', preview: this.parts.preview(), fold: 'full' }, ...events], menu }, false);
  }

  /** While `during` runs, each settled resize draws the whole screen again below it. */
  async redrawOnResize<T>(during: Promise<T>, redrawn: (menu: ChoiceMenu) => void): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const stop = this.terminal.onResize(() => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        // The cursor is at the end of the menu's row: the new screen starts on the row below.
        this.emit({ kind: 'cancelled' });
        redrawn(this.drawAll());
      }, RESIZE_SETTLE_MS);
    });
    try {
      return await during;
    } finally {
      clearTimeout(timer);
      stop();
    }
  }

  private screenAt(fold: PreviewFold): Drawing {
    const { events, menu } = this.menuAt(fold !== 'full');
    return { events: [{ kind: 'preview', preview: this.parts.preview(), fold }, ...this.parts.notes, ...events], menu };
  }

  private menuAt(detailsFolded: boolean): Drawing {
    const { hints, menu } = this.parts.menu(detailsFolded);
    return { events: [...hints, { kind: 'choices', menu }], menu };
  }

  private draw(drawing: Drawing, folded: boolean): ChoiceMenu {
    this.folded = folded;
    for (const e of drawing.events) this.emit(e);
    return drawing.menu;
  }
}

/** Events to draw, ending with a menu, and that menu. */
interface Drawing {
  events: FlowEvent[];
  menu: ChoiceMenu;
}
