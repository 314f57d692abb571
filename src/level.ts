// Risk levels and their order, a leaf shared by the risk gate, the sandbox, the integrations and
// the preview. "Most severe wins" follows the eval corpus's README:
// privileged > destructive > network_exec > writes > read_only.

/** What running a command would do, from harmless to machine-wide. */
export type Level = 'read_only' | 'writes' | 'network_exec' | 'destructive' | 'privileged';

/** Every level, least severe first. */
export const levels: readonly Level[] = Object.freeze(['read_only', 'writes', 'network_exec', 'destructive', 'privileged']);

const rank: Record<Level, number> = { read_only: 0, writes: 1, network_exec: 2, destructive: 3, privileged: 4 };

/** Whether a value names a level. */
export function isLevel(value: unknown): value is Level {
  return typeof value === 'string' && Object.hasOwn(rank, value);
}

/** The more severe of two levels. */
export function maxLevel(a: Level, b: Level): Level {
  return rank[a] >= rank[b] ? a : b;
}

/** Negative when `a` is less severe than `b`, zero when equal. */
export function compareLevels(a: Level, b: Level): number {
  return rank[a] - rank[b];
}
