// The real sources of planner context: this machine's files and programs. Each is bounded in
// size; the time budget is gatherContext's.

import { accessSync, constants, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readFileSafeSync } from '../read-file.js';
import type { ContextSources, LastCommand } from './context.js';

const RELEVANT_TOOLS = ['git', 'docker', 'podman', 'kubectl', 'helm', 'aws', 'gcloud', 'az', 'terraform', 'ansible', 'python3', 'pip', 'node', 'npm', 'pnpm', 'yarn', 'go', 'cargo', 'make', 'jq', 'yq', 'rg', 'fd', 'fzf', 'curl', 'wget', 'rsync', 'ssh', 'tar', 'zip', 'unzip', 'ffmpeg', 'convert', 'sqlite3', 'psql', 'mysql', 'redis-cli', 'systemctl', 'journalctl', 'apt', 'dnf', 'pacman', 'brew', 'tmux', 'ncdu', 'htop', 'lsof', 'ss', 'ip'];

// Reads through the safe reader (regular files only, never blocking: a FIFO as HEAD or as the
// history file would otherwise hold the whole shell until a writer came). Throws when it cannot.
function readText(path: string, maxBytes: number, overCap: 'head' | 'tail'): string {
  const read = readFileSafeSync(path, { maxBytes, overCap });
  if (!read.ok) throw new Error(read.message);
  return read.value;
}

/** The last lines of a file, reading at most `maxBytes` from its end. */
function tailLines(path: string, maxLines: number, maxBytes = 16384): string[] {
  const lines = readText(path, maxBytes, 'tail').split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
  return lines.slice(-maxLines);
}

// The first line of a HEAD file (a repository from an archive can hold a FIFO there).
function readHead(path: string): string {
  return readText(path, 4096, 'head').split('\n')[0]?.trim() ?? '';
}

/** Sources reading this machine; `lastCommand` comes from the session's output capture. */
export function localContextSources(opts: { env: Record<string, string | undefined>; shell: string; lastCommand: () => Promise<LastCommand | undefined> }): ContextSources {
  const path = (opts.env.PATH ?? '').split(':').filter((d) => d.startsWith('/'));
  // Neither changes during a session: learned once.
  let os: string | undefined;
  let tools: string[] | undefined;
  return {
    async os() {
      os ??= /^PRETTY_NAME="?([^"\n]*)"?/m.exec(readText('/etc/os-release', 64 * 1024, 'head'))?.[1] ?? 'Linux';
      return os;
    },
    shell: async () => opts.shell,
    async listing(cwd) {
      const entries = readdirSync(cwd, { withFileTypes: true });
      const shown = entries.slice(0, 40).map((e) => (e.isDirectory() ? `${e.name}/` : e.name));
      if (entries.length > shown.length) shown.push(`... and ${entries.length - shown.length} more`);
      return shown;
    },
    async tools() {
      tools ??= RELEVANT_TOOLS.filter((tool) =>
        path.some((dir) => {
          try {
            accessSync(join(dir, tool), constants.X_OK);
            return true;
          } catch {
            return false;
          }
        }),
      );
      return tools;
    },
    lastCommand: opts.lastCommand,
    async branch(cwd) {
      // Walk up to the repository and read HEAD ("ref: refs/heads/NAME", or a detached hash).
      for (let dir = cwd; ; dir = dirname(dir)) {
        try {
          const head = readHead(join(dir, '.git', 'HEAD'));
          return head.startsWith('ref: refs/heads/') ? head.slice('ref: refs/heads/'.length) : head.slice(0, 12);
        } catch {
          if (dirname(dir) === dir) return undefined;
        }
      }
    },
    async history() {
      const file = opts.env.HISTFILE || join(opts.env.HOME ?? '/', '.bash_history');
      return tailLines(file, 10);
    },
  };
}
