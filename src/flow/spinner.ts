// The status line while a model works: a spinner frame, the tier being asked, and how to cancel.
// Redrawn in place every 120 ms until stopped.

import type { FlowEvent } from '../preview/flow-events.js';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/** A running status line. */
export interface Spinner {
  /** The tier now being asked. */
  tier(name: string): void;
  stop(): void;
}

/** Start the status line for a plan (`question` false) or an answer. */
export function startSpinner(emit: (e: FlowEvent) => void, question: boolean): Spinner {
  let frame = 0;
  let tier: string | undefined;
  let stopped = false;
  const draw = (): void => {
    if (!stopped) emit({ kind: 'planning', question, tier, frame: FRAMES[frame++ % FRAMES.length] });
  };
  draw();
  const timer = setInterval(draw, 120);
  timer.unref();
  return {
    tier(name) {
      tier = name;
      draw();
    },
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}
