// Which examples a request's small local models get: none when no local tier has the compact reply
// style; else the few nearest the request (and the user's earlier turns of a revision) among
// nl-sh's corpus and the user's own requests whose commands ran successfully, when given.

import type { ChatMessage } from './model-backend.js';
import type { CommandExample, ExampleChooser } from './examples.js';
import type { Tier } from './tier-router.js';

/** What choosing examples needs of the planner's parts. */
export interface ExampleSources {
  tiers: readonly Tier[];
  /** The user's own requests and the commands that ran successfully for them, newest first (absent: the corpus alone). */
  ownExamples?(cwd: string): Promise<readonly CommandExample[]>;
}

/** How many examples a small model is shown. */
export const EXAMPLES_PER_REQUEST = 4;

// The user's pairs looked at, newest first, and the longest request or command that can be one (a line each way).
const OWN_EXAMPLES_MAX = 100;
const OWN_EXAMPLE_MAX_CHARS = 200;

function fitsAsExample(e: CommandExample): boolean {
  return e.request.trim() !== '' && e.command.trim() !== '' && e.request.length <= OWN_EXAMPLE_MAX_CHARS && e.command.length <= OWN_EXAMPLE_MAX_CHARS && !e.command.includes('\n');
}

/** The examples for `request` (empty when no tier would be shown them); a failing `ownExamples` leaves the corpus alone. */
export async function examplesForRequest(sources: ExampleSources, chooser: ExampleChooser, request: string, opts: { cwd: string; earlier?: readonly ChatMessage[] }): Promise<CommandExample[]> {
  if (!sources.tiers.some((t) => t.backend.locality === 'local' && t.backend.replyStyle === 'compact')) return [];
  const own = sources.ownExamples ? await sources.ownExamples(opts.cwd).catch(() => []) : [];
  // A revision ("only in src") is matched with the turns it revises.
  const wording = [...(opts.earlier ?? []).filter((m) => m.role === 'user').map((m) => m.content), request].join('\n');
  return chooser.choose(wording, { k: EXAMPLES_PER_REQUEST, own: own.slice(0, OWN_EXAMPLES_MAX).filter(fitsAsExample) });
}
