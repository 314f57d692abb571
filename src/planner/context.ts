// Facts about the user's system for the planner, gathered within a small time budget: every
// source runs at once and whatever is not ready by the deadline is left out (and named).

/** The last command nl-sh saw, with its exit status and the tail of its output as text. */
export interface LastCommand {
  line: string;
  status: number;
  outputTail: string;
}

/** What the planner knows about the system when it asks a model. */
export interface PlannerContext {
  os?: string;
  shell?: string;
  cwd: string;
  listing?: string[];
  tools?: string[];
  lastCommand?: LastCommand;
  history?: string[];
  /** Facts from the tool integrations (git, aws, kubectl, docker, package managers), one per line. */
  integrations?: string[];
  /** Sources that were too slow or failed, by name. */
  omitted: string[];
}

/** Where each fact comes from (I/O, injected; each may be slow or fail). */
export interface ContextSources {
  os(): Promise<string>;
  shell(): Promise<string>;
  listing(cwd: string): Promise<string[]>;
  tools(): Promise<string[]>;
  lastCommand(): Promise<LastCommand | undefined>;
  history(): Promise<string[]>;
  /** The git branch of `cwd`, read without running git (undefined outside a repository). */
  branch(cwd: string): Promise<string | undefined>;
  /** Facts from the tool integrations relevant in `cwd` (absent: none are wired). */
  integrations?(cwd: string, signal: AbortSignal): Promise<string[] | undefined>;
}

type Key = Exclude<keyof PlannerContext, 'cwd' | 'omitted'>;

const ESSENTIAL_GRACE_MS = 1000;

/** Gather what is ready within `budgetMs`; slow or failing sources are listed in `omitted`. */
export async function gatherContext(cwd: string, sources: ContextSources, budgetMs: number): Promise<PlannerContext> {
  const controller = new AbortController();
  const context: PlannerContext = { cwd, omitted: [] };
  const jobs: [Key, () => Promise<unknown>][] = [
    ['os', () => sources.os()],
    ['shell', () => sources.shell()],
    ['listing', () => sources.listing(cwd)],
    ['tools', () => sources.tools()],
    ['lastCommand', () => sources.lastCommand()],
    ['history', () => sources.history()],
  ];
  const integrations = sources.integrations;
  if (integrations) jobs.push(['integrations', () => integrations(cwd, controller.signal)]);
  const done = new Set<Key>();
  const settle = jobs.map(([key, run]) =>
    Promise.resolve()
      .then(run)
      .then(
        (value) => {
          done.add(key);
          if (value !== undefined) (context as unknown as Record<string, unknown>)[key] = value;
        },
        () => {
          done.add(key);
          context.omitted.push(key);
        },
      ),
  );
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, budgetMs);
  });
  await Promise.race([Promise.all(settle), deadline]);
  clearTimeout(timer);
  // The last command is in memory and is what a `?` question is about: it gets a longer grace
  // (rendering its output loads the terminal emulator once, which a busy machine can make slow).
  const last = jobs.findIndex(([key]) => key === 'lastCommand');
  if (!done.has('lastCommand')) {
    let grace: NodeJS.Timeout | undefined;
    await Promise.race([settle[last], new Promise<void>((resolve) => (grace = setTimeout(resolve, ESSENTIAL_GRACE_MS)))]);
    clearTimeout(grace);
  }
  controller.abort();
  for (const [key] of jobs) {
    if (!done.has(key)) {
      context.omitted.push(key);
      delete (context as unknown as Record<string, unknown>)[key];
    }
  }
  // A copy: a late source may still write into `context`, never into what the caller holds.
  return { ...context, omitted: [...context.omitted] };
}
