// Package managers: what the project uses, from its lockfiles (the nearest directory up from
// cwd that has one, stopping at a repository root), and apt when /etc/debian_version exists.
// A lockfile whose manager is not installed is said so.

import { dirname, join } from 'node:path';
import type { Integration, IntegrationCtx } from './contract.js';

/** Lockfiles and manifests, most specific first, with the fact they set and the manager they mean. */
export const packageFiles: readonly { file: string; fact: 'node packages' | 'python packages'; manager: string }[] = [
  { file: 'pnpm-lock.yaml', fact: 'node packages', manager: 'pnpm' },
  { file: 'yarn.lock', fact: 'node packages', manager: 'yarn' },
  { file: 'bun.lock', fact: 'node packages', manager: 'bun' },
  { file: 'package-lock.json', fact: 'node packages', manager: 'npm' },
  { file: 'package.json', fact: 'node packages', manager: 'npm' },
  { file: 'uv.lock', fact: 'python packages', manager: 'uv' },
  { file: 'poetry.lock', fact: 'python packages', manager: 'poetry' },
  { file: 'Pipfile.lock', fact: 'python packages', manager: 'pipenv' },
  { file: 'requirements.txt', fact: 'python packages', manager: 'pip' },
  { file: 'pyproject.toml', fact: 'python packages', manager: 'pip' },
];

// The nearest directory (cwd, then up) with any package file; the repository root ends the walk.
async function projectFiles(ctx: IntegrationCtx): Promise<{ dir: string; files: string[] } | undefined> {
  for (let dir = ctx.cwd; ; dir = dirname(dir)) {
    const present = await Promise.all(packageFiles.map(async ({ file }) => ((await ctx.exists(join(dir, file))) ? file : undefined)));
    const files = present.filter((f): f is string => f !== undefined);
    if (files.length) return { dir, files };
    if (dirname(dir) === dir || (await ctx.exists(join(dir, '.git')))) return undefined;
  }
}

async function packageContext(ctx: IntegrationCtx): Promise<Record<string, string>> {
  const facts: Record<string, string> = {};
  const project = await projectFiles(ctx);
  for (const kind of ['node packages', 'python packages'] as const) {
    const entry = packageFiles.find((p) => p.fact === kind && project?.files.includes(p.file));
    if (!project || !entry) continue;
    let manager = entry.manager;
    if (entry.file === 'package.json') {
      const declared = /"packageManager"\s*:\s*"([a-z]+)@/.exec((await ctx.readFile(join(project.dir, 'package.json'))) ?? '')?.[1];
      if (declared) manager = declared;
    }
    const installed = (await ctx.which(manager)) !== undefined;
    const where = project.dir === ctx.cwd ? entry.file : join(project.dir, entry.file);
    facts[kind] = `${manager} (${where}${installed ? '' : `; ${manager} is not installed`})`;
  }
  const debian = (await ctx.readFile('/etc/debian_version'))?.trim();
  if (debian && (await ctx.which('apt-get')) !== undefined) facts['system packages'] = `apt (Debian ${debian.split('\n')[0]})`;
  return facts;
}

/** Package managers, when the project has a lockfile or the system uses apt. */
export const packagesIntegration: Integration = {
  name: 'packages',
  programs: ['npm', 'npx', 'pnpm', 'yarn', 'bun', 'pip', 'pip3', 'uv', 'poetry', 'pipenv', 'apt', 'apt-get', 'dpkg'],
  detect: async (ctx) => (await projectFiles(ctx)) !== undefined || (await ctx.exists('/etc/debian_version')),
  context: packageContext,
  onCommandDone: ({ words }) => (['npm', 'pnpm', 'yarn', 'bun', 'uv', 'poetry', 'pipenv'].includes(words[0] ?? '') && ['init', 'install', 'add', 'i'].includes(words[1] ?? '') ? 'stale' : 'unchanged'),
};
