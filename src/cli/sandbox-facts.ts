// The facts every sandbox of this user is built from: home, nl-sh's own directories (protected),
// and the directories hidden from every sandboxed command (the runtime dir with the user's
// sockets and nl-sh's control channel). One place, for the session and the doctor alike.

import { tmpdir } from 'node:os';
import { cacheDir, configDir, stateDir } from '../config.js';
import { runtimeBases } from '../runtime-paths.js';
import type { ContainFacts } from '../flow/contain.js';
import type { Capabilities } from '../sandbox/index.js';

/** The sandbox facts for this environment (`sessionDir`: where this session's channel really is, if known). */
export function sandboxFacts(env: Record<string, string | undefined>, capabilities: () => Capabilities, sessionDir?: string): ContainFacts {
  return {
    capabilities,
    home: env.HOME ?? '/',
    nlshConfigDir: configDir(env),
    nlshDataDirs: [stateDir(env), cacheDir(env)],
    hide: [...(env.XDG_RUNTIME_DIR ? [env.XDG_RUNTIME_DIR] : []), ...runtimeBases(env, process.getuid?.() ?? 0, tmpdir()), ...(sessionDir ? [sessionDir] : [])],
  };
}
