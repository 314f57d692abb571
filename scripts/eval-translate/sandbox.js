// Runs one bash command line inside bubblewrap, confined to one fixture directory: read-only
// root, a private empty /tmp, no network, its own pid namespace, no capabilities, the fixed
// environment of the task format, stdin /dev/null, a time limit that kills the whole process
// group, and stdout cut off at a cap. Proposals from a model are data: they run only here.

import { spawn, spawnSync } from 'node:child_process';

/** The environment every command sees (the task format fixes it, so output is the same everywhere). */
export const sandboxEnv = Object.freeze({
  PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
  HOME: '/tmp',
  LANG: 'C.UTF-8',
  LC_ALL: 'C.UTF-8',
  TZ: 'UTC',
  TERM: 'dumb',
  PAGER: 'cat',
  GIT_PAGER: 'cat',
  GIT_CONFIG_NOSYSTEM: '1',
});

/** Limits of one run: 10 s and 1 MB of stdout, as the task format says. */
export const defaultLimits = Object.freeze({ timeoutMs: 10_000, stdoutBytes: 1 << 20, stderrBytes: 64 << 10 });

// `--cap-drop ALL`: run as root, bwrap keeps capabilities and the read-only root could be
// remounted. `--new-session`: no controlling terminal to push keystrokes into (TIOCSTI).
// `--tmpfs /tmp` comes before the fixture's bind, so a fixture under /tmp stays visible.
/** The bwrap argv (without the program) that confines a command to `dir`. */
export function buildEvalBwrapArgs(dir) {
  return [
    '--die-with-parent', '--new-session', '--unshare-all', '--cap-drop', 'ALL',
    '--ro-bind', '/', '/', '--proc', '/proc', '--dev', '/dev', '--tmpfs', '/tmp',
    '--bind', dir, dir, '--chdir', dir,
  ];
}

// A tiny sh wrapper sets umask 022 and caps each file written at 200 MB (the fixture lives on the
// host's disk), so the command itself runs as plain `bash -c COMMAND`.
const wrapper = 'umask 022 && ulimit -f 204800 && exec bash $2 -c "$1"';

/** Whether bwrap can make a sandbox here; a reason when it cannot. */
export function probeBwrap() {
  const r = spawnSync('bwrap', [...buildEvalBwrapArgs('/'), 'true'], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 10_000 });
  if (r.error) return { ok: false, reason: `bwrap is not installed (${r.error.code ?? r.error.message})` };
  if (r.status !== 0) return { ok: false, reason: `bwrap cannot make a sandbox here: ${String(r.stderr).trim().split('\n')[0]}` };
  return { ok: true };
}

/**
 * Run `command` with `bash -c` (or `bash -e -c` when `errexit`) confined to `dir`. Resolves with
 * stdout (a Buffer, at most the cap), stderr, the exit status, and whether the time limit or the
 * output cap ended it. Never rejects for the command's own failures.
 */
export function runSandboxed(dir, command, { errexit = false, limits = defaultLimits } = {}) {
  const args = [...buildEvalBwrapArgs(dir), 'sh', '-c', wrapper, 'sh', command, errexit ? '-e' : ''];
  return new Promise((resolve) => {
    const child = spawn('bwrap', args, { env: sandboxEnv, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const out = collector(limits.stdoutBytes);
    const err = collector(limits.stderrBytes);
    let timedOut = false;
    let capped = false;
    const killGroup = () => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    };
    const timer = setTimeout(() => ((timedOut = true), killGroup()), limits.timeoutMs);
    child.stdout.on('data', (d) => {
      if (out.add(d) || capped) return;
      capped = true;
      killGroup();
    });
    child.stderr.on('data', (d) => err.add(d));
    child.on('error', (e) => err.add(Buffer.from(`bwrap: ${e.message}\n`)));
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ stdout: out.bytes(), stderr: err.bytes().toString('utf8'), status: status ?? (signal ? 128 : 1), timedOut, capped });
    });
  });
}

// Keeps the first `cap` bytes; `add` says false once more than that arrived.
function collector(cap) {
  const chunks = [];
  let size = 0;
  return {
    add(d) {
      if (size < cap) chunks.push(d.subarray(0, cap - size));
      size += d.length;
      return size <= cap;
    },
    bytes: () => Buffer.concat(chunks),
  };
}
