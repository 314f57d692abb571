// Progress of a download on stderr: on a terminal one line redrawn in place (percent, MB, speed,
// ETA), at most ten times a second; elsewhere (a log, setup's output) a line every 10 %.

/** Reports progress; `finish` ends the redrawn line before anything else is written. */
export interface ProgressReporter {
  update(received: number, total: number | undefined): void;
  finish(): void;
}

const mb = (n: number): string => (n / 1e6).toFixed(1);

function clock(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '--:--';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

/** The one progress line: "42%  470.1/1117.3 MB  12.3 MB/s  ETA 0:52". */
export function progressLine(received: number, total: number | undefined, bytesPerSecond: number): string {
  const speed = `${mb(bytesPerSecond)} MB/s`;
  if (!total) return `${mb(received)} MB  ${speed}`;
  const percent = Math.floor((received / total) * 100);
  const eta = bytesPerSecond > 0 ? clock((total - received) / bytesPerSecond) : '--:--';
  return `${String(percent).padStart(3)}%  ${mb(received)}/${mb(total)} MB  ${speed}  ETA ${eta}`;
}

/** A reporter writing to `out`; `now` is injectable for tests. */
export function createProgress(out: NodeJS.WritableStream, terminal: boolean, now: () => number = Date.now): ProgressReporter {
  const started = now();
  let first: number | undefined;
  let lastDraw = 0;
  let lastTenth = -1;
  let drawn = false;
  return {
    update(received, total) {
      first ??= received;
      const elapsed = (now() - started) / 1000;
      const speed = elapsed > 0 ? (received - first) / elapsed : 0;
      if (terminal) {
        const done = total !== undefined && received >= total;
        if (!done && now() - lastDraw < 100) return;
        lastDraw = now();
        out.write(`\r\x1b[K${progressLine(received, total, speed)}`);
        drawn = true;
        return;
      }
      const tenth = total ? Math.floor((received / total) * 10) : Math.floor(received / 100e6);
      if (tenth === lastTenth) return;
      lastTenth = tenth;
      out.write(`nl-sh: ${progressLine(received, total, speed)}\n`);
    },
    finish() {
      if (drawn) out.write('\r\x1b[K');
      drawn = false;
    },
  };
}
