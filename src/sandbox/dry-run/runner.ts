// The dry run's only I/O with processes: spawn the command under unshare in overlays, enforce
// the time cap from outside too, then collect the changes from the copied-out upper dirs.

import { mkdir, mkdtemp, realpath, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readFileSafe } from '../../read-file.js';
import { runBounded } from '../../run-bounded.js';
import { chooseRoots, touchesHome, unsafeRoot } from './roots.js';
import { dryRunArgv, setupFailedStatus } from './setup-script.js';
import { collectChanges, parseDirListing } from './collect.js';
import { hiddenDirs, outermostHidden } from './hidden.js';
import { interactiveReason, roughArgvs } from './interactive.js';
import type { DryRunRequest, DryRunResult, FileChange } from './types.js';

const outputLimit = 256 * 1024;
const networkWords = /could not resolve|name resolution|network is unreachable|temporary failure|connection refused|no route to host|unable to resolve/i;

interface Spawned {
  status: number | null;
  stdout: string;
  stderr: string;
  killed: boolean;
}

// The child leads its own process group and session (runBounded: setsid, so no controlling
// terminal); unshare's --kill-child takes the pid namespace down with it. Killing the group
// reaches unshare and sh at once; the namespace's init dying kills every process in it.
// The user's definitions go in on stdin (no argv size limit); the script saves them first.
async function run(argv: string[], graceMs: number, signal: AbortSignal | undefined, definitions: string): Promise<Spawned> {
  const r = await runBounded(argv, { timeoutMs: graceMs, maxBytes: outputLimit, capEach: true, onCap: 'discard', signal, stdin: { text: definitions } });
  return { status: r.status, stdout: r.stdout, stderr: r.error !== undefined ? `${r.stderr}${r.error}` : r.stderr, killed: r.timedOut };
}

// A file the setup script left in the out dir: its text, or undefined (missing, not a regular
// file, or past the cap: the command inside could try to leave something else there).
async function outFile(outDir: string, name: string, maxBytes = 64 * 1024): Promise<string | undefined> {
  const read = await readFileSafe(path.join(outDir, name), { maxBytes, noFollow: true });
  return read.ok ? read.value : undefined;
}

function unavailable(reason: string, started: number): DryRunResult {
  return {
    available: false, reason, exitStatus: undefined, timedOut: false, capped: false, networkSuspected: false,
    stdout: '', stderr: '', changes: [], applicable: false, notes: [], elapsedMs: performance.now() - started,
    cleanup: async () => {},
  };
}

// The dirs to hide as they are on this host: existing, real paths, none inside another or
// under /tmp (which is replaced as a whole).
async function presentHiddenDirs(runtimeDir: string | undefined): Promise<string[]> {
  const uid = process.getuid?.() ?? 0;
  const found = await Promise.all(hiddenDirs({ runtimeDir, uid, tmp: os.tmpdir() }).map((d) => realpath(d).catch(() => undefined)));
  return outermostHidden(found.filter((d): d is string => d !== undefined));
}

/** Run `req.command` in overlays of its cwd (and HOME) with no network; report what it changed. */
export async function dryRun(req: DryRunRequest): Promise<DryRunResult> {
  const started = performance.now();
  const skipped = interactiveReason(req.argvs ?? roughArgvs(req.command));
  if (skipped) return { ...unavailable(`${skipped}: it is not dry-run`, started), skipped: `${skipped}: it is not dry-run` };
  if (req.signal?.aborted) return { ...unavailable('the dry run was cancelled', started), cancelled: true };
  const capBytes = req.capBytes ?? 256 * 1024 * 1024;
  const timeoutSeconds = req.timeoutSeconds ?? 30;
  const home = req.home;
  const overlayHome = req.overlayHome ?? (home !== undefined && touchesHome(req.command, home));
  const roots = chooseRoots(req.cwd, home, overlayHome);
  const bad = roots.find(unsafeRoot);
  if (bad) return unavailable(`cannot overlay ${bad} (its path has characters overlayfs cannot take)`, started);
  const work = await mkdtemp(path.join(os.tmpdir(), 'nl-sh-dry-'));
  const cleanup = () => rm(work, { recursive: true, force: true });
  try {
    const outDir = path.join(work, 'out');
    const stageDir = path.join(work, 'stage');
    await Promise.all([mkdir(outDir, { mode: 0o700 }), mkdir(stageDir, { mode: 0o700 })]);
    const hidden = await presentHiddenDirs(req.runtimeDir);
    const argv = dryRunArgv({ command: req.command, capBytes, timeoutSeconds, outDir, stageDir, cwd: path.resolve(req.cwd), roots, hidden });
    const ran = await run(argv, (timeoutSeconds + 5) * 1000, req.signal, req.definitions ?? '');
    if (req.signal?.aborted) {
      await cleanup();
      return { ...unavailable('the dry run was cancelled', started), cancelled: true };
    }
    const statusText = await outFile(outDir, 'status');
    if (statusText === undefined) {
      await cleanup();
      if (ran.killed) return { ...unavailable('the dry run did not finish in time', started), available: true, timedOut: true };
      const why = ran.status === setupFailedStatus ? ran.stderr.trim().split('\n').pop() ?? '' : ran.stderr.trim() || `unshare exited ${ran.status}`;
      return unavailable(`dry runs are impossible here (${why.replace('nl-sh-dry-run-setup: ', '')})`, started);
    }
    const status = Number(statusText.trim());
    const timedOut = status === 124 || status === 137 || ran.killed;
    const [free, blockSize] = ((await outFile(outDir, 'space')) ?? '1 0').trim().split(' ').map(Number);
    const capped = (free ?? 1) * (blockSize ?? 0) < 64 * 1024;
    const notes: string[] = [];
    const copyNote = (await outFile(outDir, 'notes')) ?? '';
    if (copyNote.includes('copy-incomplete')) notes.push('some changes could not be copied out');
    const changes: FileChange[] = [];
    for (const [i, root] of roots.entries()) {
      const read = await readFileSafe(path.join(outDir, `${i}.dirs`), { maxBytes: 64 * 1024 * 1024, noFollow: true });
      if (!read.ok && read.problem !== 'missing') notes.push('some changes could not be read back');
      const listing = read.ok ? read.value : '';
      changes.push(...(await collectChanges(root, path.join(outDir, String(i)), parseDirListing(listing))));
    }
    const networkSuspected = status !== 0 && networkWords.test(ran.stderr);
    if (timedOut) notes.push(`timed out after ${timeoutSeconds}s`);
    if (capped) notes.push(`capped: the changes reached the ${capBytes}-byte limit`);
    if (status !== 0 && !timedOut) notes.push(`exit status ${status}; network is off in a dry run${networkSuspected ? ' and the command seems to need it: it cannot be dry-run' : ''}`);
    const hasOther = changes.some((c) => c.type === 'other' && c.kind !== 'deleted');
    const applicable = status === 0 && !timedOut && !capped && !hasOther && notes.length === 0;
    return {
      available: true, exitStatus: timedOut ? undefined : status, timedOut, capped, networkSuspected,
      stdout: ran.stdout, stderr: ran.stderr, changes, applicable, notes, elapsedMs: performance.now() - started, cleanup,
    };
  } catch (err) {
    await cleanup();
    throw err;
  }
}

