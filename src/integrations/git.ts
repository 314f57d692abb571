// git: the branch, its upstream, how many files changed, and a rebase, merge, cherry-pick or
// bisect in progress. Branch and operations come from files in the git directory; counts and
// the upstream from one `git status --porcelain=v2 --branch` within the budget, run hardened
// (ctx.runGit: nothing the repository's config names is run).

import { dirname, isAbsolute, join } from 'node:path';
import { beforeDeadline, runTimeoutMs, type Budget, type Integration, type IntegrationCtx } from './contract.js';

/** The git directory for `cwd` (a worktree's `.git` file is followed), or undefined outside a repository. */
export async function findGitDir(ctx: IntegrationCtx): Promise<string | undefined> {
  for (let dir = ctx.cwd; ; dir = dirname(dir)) {
    if ((await ctx.readFile(join(dir, '.git', 'HEAD'))) !== undefined) return join(dir, '.git');
    const pointer = /^gitdir:\s*(.+)$/m.exec((await ctx.readFile(join(dir, '.git'))) ?? '')?.[1]?.trim();
    if (pointer) return isAbsolute(pointer) ? pointer : join(dir, pointer);
    if (dirname(dir) === dir) return undefined;
  }
}

const firstLine = async (ctx: IntegrationCtx, path: string): Promise<string | undefined> => (await ctx.readFile(path))?.split('\n')[0]?.trim() || undefined;
const shortRef = (ref: string): string => ref.replace(/^refs\/heads\//, '');

// The operation in progress, from the files git leaves while it waits for the user.
async function inProgress(ctx: IntegrationCtx, gitDir: string): Promise<string | undefined> {
  for (const kind of ['rebase-merge', 'rebase-apply']) {
    const dir = join(gitDir, kind);
    if (!(await ctx.exists(dir))) continue;
    if (kind === 'rebase-apply' && (await ctx.exists(join(dir, 'applying')))) return 'am (applying patches)';
    const [head, onto, step, total] = await Promise.all(
      (kind === 'rebase-merge' ? ['head-name', 'onto', 'msgnum', 'end'] : ['head-name', 'onto', 'next', 'last']).map((f) => firstLine(ctx, join(dir, f))),
    );
    const of = head ? ` of ${shortRef(head)}` : '';
    const at = onto ? ` onto ${onto.slice(0, 12)}` : '';
    const where = step && total ? ` (step ${step} of ${total})` : '';
    return `rebase${of}${at}${where}`;
  }
  if (await ctx.exists(join(gitDir, 'MERGE_HEAD'))) {
    const msg = await firstLine(ctx, join(gitDir, 'MERGE_MSG'));
    return msg ? `merge (${msg})` : 'merge';
  }
  if (await ctx.exists(join(gitDir, 'CHERRY_PICK_HEAD'))) return 'cherry-pick';
  if (await ctx.exists(join(gitDir, 'REVERT_HEAD'))) return 'revert';
  if (await ctx.exists(join(gitDir, 'BISECT_LOG'))) return 'bisect';
  return undefined;
}

// `git status --porcelain=v2 --branch`: `# branch.*` headers, then one line per changed path.
function readStatus(stdout: string): Record<string, string> {
  const facts: Record<string, string> = {};
  let changed = 0;
  let untracked = 0;
  let conflicted = 0;
  let upstream: string | undefined;
  let ab = '';
  const paths: string[] = [];
  for (const line of stdout.split('\n')) {
    const path = changedPath(line);
    if (path !== undefined) paths.push(path);
    if (line.startsWith('# branch.upstream ')) upstream = line.slice('# branch.upstream '.length);
    else if (line.startsWith('# branch.ab ')) {
      const [ahead, behind] = line.slice('# branch.ab '.length).split(' ').map((n) => Math.abs(Number(n)));
      ab = ahead || behind ? ` (ahead ${ahead}, behind ${behind})` : ' (up to date)';
    } else if (line.startsWith('1 ') || line.startsWith('2 ')) changed++;
    else if (line.startsWith('u ')) conflicted++;
    else if (line.startsWith('? ')) untracked++;
  }
  facts['git upstream'] = upstream ? `${upstream}${ab}` : 'none';
  const parts = [changed && `${changed} changed`, untracked && `${untracked} untracked`, conflicted && `${conflicted} conflicted`].filter(Boolean);
  facts['git changes'] = parts.length ? parts.join(', ') : 'clean';
  if (paths.length) facts['git changed files'] = listWithin(paths, 140);
  return facts;
}

// The path of one porcelain v2 entry: ordinary (8 fields before it), renamed (9, then the path
// and the old one after a tab), unmerged (10), untracked (after `? `).
function changedPath(line: string): string | undefined {
  const fieldsBefore: Record<string, number> = { '1': 8, '2': 9, u: 10 };
  const kind = line.slice(0, 2);
  if (kind === '? ') return line.slice(2);
  const n = fieldsBefore[kind.trimEnd()];
  if (n === undefined || kind[1] !== ' ') return undefined;
  return line.split(' ').slice(n).join(' ').split('\t')[0];
}

// As many names as fit in `max` characters, then how many more.
function listWithin(names: readonly string[], max: number): string {
  const shown: string[] = [];
  for (const name of names) {
    if (shown.length > 0 && [...shown, name].join(', ').length > max) break;
    shown.push(name);
  }
  return names.length > shown.length ? `${shown.join(', ')} (and ${names.length - shown.length} more)` : shown.join(', ');
}

async function gitContext(ctx: IntegrationCtx, budget: Budget): Promise<Record<string, string>> {
  const gitDir = await findGitDir(ctx);
  if (!gitDir) return {};
  const statusRun = ctx.runGit(['status', '--porcelain=v2', '--branch'], { timeoutMs: runTimeoutMs(budget), signal: budget.signal });
  const [head, operation] = await Promise.all([firstLine(ctx, join(gitDir, 'HEAD')), inProgress(ctx, gitDir)]);
  const facts: Record<string, string> = {};
  if (head?.startsWith('ref: ')) facts['git branch'] = shortRef(head.slice(5));
  else if (head) facts['git branch'] = `detached at ${head.slice(0, 12)}`;
  if (operation) facts['git in progress'] = operation;
  const status = await beforeDeadline(statusRun, budget, { ok: false, stdout: '' });
  if (status.ok) Object.assign(facts, readStatus(status.stdout));
  return facts;
}

/** git, when it is installed and the directory is in a repository. */
export const gitIntegration: Integration = {
  name: 'git',
  programs: ['git', 'gh', 'tig'],
  detect: async (ctx) => (await ctx.which('git')) !== undefined && (await findGitDir(ctx)) !== undefined,
  context: gitContext,
  onCommandDone: ({ words }) => (words[0] === 'git' || words[0] === 'gh' ? 'stale' : 'unchanged'),
};
