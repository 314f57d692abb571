// The router's inputs and output: what bash knows about words, the optional parser, the
// override prefixes, and the decision with its human-readable reason.

import type { BashParser } from '../../risk/index.js';

/** Where a line goes: bash as typed, the model as a request, or the model as a question. */
export type Route = 'shell' | 'nl' | 'question';

/** A route and why, in words a user can read (`nl-sh --route --explain` prints it). */
export interface RouteDecision {
  readonly route: Route;
  readonly reason: string;
}

/** What `type -t` says about a word in the user's bash ('' when bash does not know it). */
export type CommandKind = 'alias' | 'function' | 'builtin' | 'keyword' | 'file' | '';

/** The user's override prefixes. */
export interface RouteConfig {
  /** A line starting with this goes to the model (default `,`). */
  readonly nlPrefix: string;
  /** A line starting with this goes to bash as typed (default `\`, bash's "no alias" escape). */
  readonly shellPrefix: string;
}

/** Everything `route` may consult; it does no I/O of its own. */
export interface RouteFacts {
  /** `type -t` of a word, from a snapshot of the live bash (synchronous: a table lookup). */
  typeOf(word: string): CommandKind;
  /** The bash parser, once loaded; routing works without it, with cruder syntax checks. */
  readonly parser?: BashParser;
  readonly config: RouteConfig;
}

/**
 * Default prefixes.
 * - `,` for natural language: a comma never starts an English sentence and, followed by a
 *   space, never starts a command. Scripts named `,foo` (the "comma commands" convention) stay
 *   shell when bash knows the word.
 * - `\` for shell: `\cmd` is already bash's way to say "this exact command" (it skips alias
 *   expansion), so bash runs the line correctly without nl-sh stripping anything. `!` was
 *   rejected: `!make x` is history expansion (it would re-run an older `make` line), and
 *   `! make x` negates the exit status. Every `!` line still routes to shell, because it is
 *   bash syntax either way.
 */
export const DEFAULT_ROUTE_CONFIG: RouteConfig = Object.freeze({ nlPrefix: ',', shellPrefix: '\\' });
