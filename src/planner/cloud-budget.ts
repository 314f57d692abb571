// The day's cloud spending, kept in a small JSON file in the state directory, so the daily
// budget holds across sessions. Concurrent sessions may each spend one call's worth past the
// budget before they see each other's record; the budget stops the next call.

import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { readFileSafeSync } from '../read-file.js';
import type { CloudBudget } from './tier-router.js';

/** A budget of `dailyUsd` per local calendar day (undefined: no limit), stored at `path`. */
export function fileCloudBudget(path: string, dailyUsd: number | undefined, now: () => Date = () => new Date()): CloudBudget {
  const today = (): string => {
    const d = now();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  };
  const spent = (): number => {
    // A record that is not a small regular file counts as nothing spent (the next record replaces it).
    const read = readFileSafeSync(path, { maxBytes: 64 * 1024 });
    if (!read.ok) return 0;
    try {
      const data = JSON.parse(read.value) as { day?: unknown; spentUsd?: unknown };
      return data.day === today() && typeof data.spentUsd === 'number' ? data.spentUsd : 0;
    } catch {
      return 0;
    }
  };
  return {
    remainingUsd: () => (dailyUsd === undefined ? Infinity : dailyUsd - spent()),
    record(usd) {
      try {
        mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
        const tmp = `${path}.${process.pid}.tmp`;
        writeFileSync(tmp, JSON.stringify({ day: today(), spentUsd: spent() + usd }));
        renameSync(tmp, path);
      } catch {
        // Unrecorded spending is a weaker budget, not a broken shell.
      }
    },
  };
}
