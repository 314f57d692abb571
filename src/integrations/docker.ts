// docker: the compose project in this directory (its name and services, from the compose file)
// and the running containers (`docker ps`, only when a daemon socket exists, within the budget).

import { basename, join } from 'node:path';
import { beforeDeadline, runTimeoutMs, type Budget, type Integration, type IntegrationCtx, type RunResult } from './contract.js';

const composeFiles = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];

/** The project name and services of a compose file (top-level `name:` and `services:` keys). */
export function parseComposeFile(text: string): { name?: string; services: string[] } {
  const services: string[] = [];
  let name: string | undefined;
  let inServices = false;
  let serviceIndent: number | undefined;
  for (const raw of text.split('\n')) {
    if (raw.trim() === '' || raw.trim().startsWith('#')) continue;
    const top = /^([A-Za-z_-]+):\s*(.*)$/.exec(raw);
    if (top) {
      inServices = top[1] === 'services';
      if (top[1] === 'name') name = top[2]?.replace(/^["']|["']$/g, '').trim() || undefined;
      continue;
    }
    const key = /^( +)([A-Za-z0-9._-]+):/.exec(raw);
    if (!inServices || !key) continue;
    const indent = key[1]?.length ?? 0;
    serviceIndent ??= indent;
    if (indent === serviceIndent && key[2]) services.push(key[2]);
  }
  return { ...(name ? { name } : {}), services };
}

// Compose's default project name: the directory name, lower case, letters, digits, - and _.
const defaultProjectName = (dir: string): string => basename(dir).toLowerCase().replace(/[^a-z0-9_-]/g, '');

async function findComposeFile(ctx: IntegrationCtx): Promise<string | undefined> {
  const found = await Promise.all(composeFiles.map(async (f) => ((await ctx.exists(join(ctx.cwd, f))) ? f : undefined)));
  return found.find((f) => f !== undefined);
}

const daemonReachable = async (ctx: IntegrationCtx): Promise<boolean> =>
  Boolean(ctx.env.DOCKER_HOST && !ctx.env.DOCKER_HOST.startsWith('unix://')) || (await ctx.exists((ctx.env.DOCKER_HOST ?? 'unix:///var/run/docker.sock').slice('unix://'.length)));

async function dockerContext(ctx: IntegrationCtx, budget: Budget): Promise<Record<string, string>> {
  const facts: Record<string, string> = {};
  const [file, daemon] = await Promise.all([findComposeFile(ctx), daemonReachable(ctx)]);
  const ps = daemon ? ctx.run(['docker', 'ps', '--format', '{{.Names}}\t{{.Image}}'], { timeoutMs: runTimeoutMs(budget), signal: budget.signal }) : undefined;
  if (file) {
    const compose = parseComposeFile((await ctx.readFile(join(ctx.cwd, file))) ?? '');
    const project = ctx.env.COMPOSE_PROJECT_NAME || compose.name || defaultProjectName(ctx.cwd);
    const services = compose.services.length ? `; services: ${compose.services.slice(0, 8).join(', ')}` : '';
    facts['compose project'] = `${project} (${file}${services})`;
  }
  if (!ps) facts['docker containers'] = 'unknown (no docker daemon socket)';
  else {
    const result = await beforeDeadline<RunResult | undefined>(ps, budget, undefined);
    const rows = (result?.stdout ?? '').split('\n').filter((l) => l.trim() !== '').map((l) => l.split('\t'));
    const shown = rows.slice(0, 5).map(([n, image]) => `${n} (${image ?? '?'})`);
    if (rows.length > shown.length) shown.push(`and ${rows.length - shown.length} more`);
    facts['docker containers'] = !result ? 'unknown (docker ps did not answer in time)' : !result.ok ? 'unknown (docker ps failed)' : rows.length ? `${rows.length} running: ${shown.join(', ')}` : 'none running';
  }
  return facts;
}

/** docker, when it is installed and there is a compose file here or a daemon socket. */
export const dockerIntegration: Integration = {
  name: 'docker',
  programs: ['docker', 'docker-compose', 'podman', 'podman-compose', 'nerdctl'],
  async detect(ctx) {
    if ((await ctx.which('docker')) === undefined) return false;
    return (await findComposeFile(ctx)) !== undefined || (await daemonReachable(ctx));
  },
  context: dockerContext,
  onCommandDone: ({ words }) => (words[0] === 'docker' || words[0] === 'docker-compose' ? 'stale' : 'unchanged'),
};
