// The first module Node runs: as small as possible. It turns on Node's compile cache, loads
// main, and if anything fails before the shell is up, replaces itself with a plain bash and
// says why in one line. Nobody is ever locked out.

import module from 'node:module';
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';

try {
  module.enableCompileCache?.();
} catch {
  // An unwritable cache only costs start-up time.
}

const args = process.argv.slice(2);

function bashPath(): string {
  const onPath = (process.env.PATH ?? '').split(':').map((d) => `${d}/bash`);
  for (const b of [process.env.NLSH_BASH, ...onPath, '/bin/bash', '/usr/bin/bash', '/usr/local/bin/bash']) {
    if (!b || !b.startsWith('/')) continue;
    try {
      accessSync(b, constants.X_OK);
      return b;
    } catch {
      // next
    }
  }
  return 'bash';
}

// Replace this process with bash (login semantics kept through argv[0]).
function execBash(bashArgs: string[]): never {
  const bash = bashPath();
  const argv0 = (process.env.NLSH_ARGV0 ?? '').startsWith('-') ? '-bash' : 'bash';
  delete process.env.NLSH_ARGV0;
  delete process.env.NLSH_ROOT;
  const env = process.env as Record<string, string>;
  if (typeof process.execve === 'function') process.execve(bash, [argv0, ...bashArgs], env);
  const r = spawnSync(bash, bashArgs, { stdio: 'inherit', argv0, env });
  process.exit(r.status ?? (r.signal ? 1 : 0));
}

function fallback(err: unknown): never {
  const why = err instanceof Error ? err.message.split('\n')[0] : String(err);
  process.stderr.write(`nl-sh: cannot start (${why}); starting plain bash (see 'nl-sh --doctor')\n`);
  try {
    process.stdin.setRawMode?.(false);
  } catch {
    // not a terminal
  }
  return execBash(args);
}

let status: number;
try {
  const { main } = await import('./main.js');
  status = await main(args, process.env, execBash);
} catch (err) {
  fallback(err);
}
const { exitAfterDrain } = await import('./exit-after-drain.js');
await exitAfterDrain(status);
