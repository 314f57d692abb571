// The dry run's data: what to run, what came back, and the changes it would have made.

/** How to dry-run one command. */
export interface DryRunRequest {
  /** The bash command line (passed as one argv element, never interpolated). */
  command: string;
  /** Absolute working directory; overlaid so the command sees its real paths. */
  cwd: string;
  /** Absolute HOME, overlaid too when `overlayHome` is set. */
  home?: string;
  overlayHome?: boolean;
  /** Bytes the overlays' upper dirs may hold before writes fail with ENOSPC. */
  capBytes?: number;
  /** Seconds before the command is killed. */
  timeoutSeconds?: number;
  /** The user's XDG_RUNTIME_DIR: hidden (with all of /run) so nothing reaches the session. */
  runtimeDir?: string;
  /** Each simple command's words (from the parser); without them the line is split roughly. */
  argvs?: readonly (readonly string[])[];
  /** Aborting kills the whole dry run (its pid namespace) at once. */
  signal?: AbortSignal;
  /** The user's aliases and functions the command uses, as the sandboxed run gets them (a bash script). */
  definitions?: string;
}

/** The kind of file an entry is. */
export type EntryType = 'file' | 'dir' | 'symlink' | 'other';

/** One path the command created, modified or deleted (absolute paths). */
export interface FileChange {
  kind: 'created' | 'modified' | 'deleted';
  path: string;
  type: EntryType;
  /** Permission bits after (created/modified) or before (deleted). */
  mode: number;
  /** Bytes after (created/modified) or before (deleted). */
  size: number;
  /** For modified: the state before. */
  before?: { type: EntryType; mode: number; size: number };
  /** What changed for modified entries. */
  contentChanged?: boolean;
  modeChanged?: boolean;
  /** For deleted directories: how many entries the tree held. */
  treeEntries?: number;
  /** Where the new content sits in the copied-out upper dir (created/modified files). */
  source?: string;
  /** Symlink target after. */
  linkTarget?: string;
}

/** What a dry run found. `outDir` holds the copied upper dirs until `cleanup` runs. */
export interface DryRunResult {
  /** False when dry runs are impossible here, or this one was skipped or cancelled (then `reason` says why). */
  available: boolean;
  reason?: string;
  /** Not dry-run on purpose (an interactive program): why, in one line. */
  skipped?: string;
  /** The signal aborted it; nothing of it is left running. */
  cancelled?: boolean;
  /** The command's exit status inside the overlay (undefined if it never ran). */
  exitStatus: number | undefined;
  timedOut: boolean;
  /** The upper dirs filled up: writes beyond the cap failed. */
  capped: boolean;
  /** stderr hints that the command wanted the network (which is off). */
  networkSuspected: boolean;
  stdout: string;
  stderr: string;
  changes: FileChange[];
  /** Safe to apply the overlay's result instead of running again. */
  applicable: boolean;
  notes: string[];
  elapsedMs: number;
  /** Removes the copied-out upper dirs (always call it). */
  cleanup(): Promise<void>;
}
