// Phase 1 of routing: what the user forced. `?` asks a question; the nl prefix sends a request
// to the model; the shell prefix, a history expansion (`!!`, `!$`, `^a^b`), a comment and a
// blank line all go to bash as typed.

import type { RouteDecision, RouteFacts } from './route-types.js';

/** The decision the first characters force, or undefined when the line needs reading. */
export function routeByOverride(line: string, facts: RouteFacts): RouteDecision | undefined {
  const text = line.trimStart();
  if (text === '') return { route: 'shell', reason: 'an empty line goes to bash' };
  if (text.startsWith('?')) return { route: 'question', reason: 'starts with `?`: a question, nothing runs' };
  const { nlPrefix, shellPrefix } = facts.config;
  if (nlPrefix && text.startsWith(nlPrefix)) {
    const first = text.split(/\s/, 1)[0]!;
    if (first.length > nlPrefix.length && facts.typeOf(first) !== '') {
      return { route: 'shell', reason: `\`${first}\` is a command (its name starts with \`${nlPrefix}\`)` };
    }
    return { route: 'nl', reason: `starts with \`${nlPrefix}\`, the natural-language prefix` };
  }
  if (shellPrefix && text.startsWith(shellPrefix)) {
    return { route: 'shell', reason: `starts with \`${shellPrefix}\`, the shell prefix` };
  }
  if (text.startsWith('!')) {
    return { route: 'shell', reason: 'starts with `!`: bash history expansion or negation' };
  }
  if (text.startsWith('^') && text.indexOf('^', 1) > 0) {
    return { route: 'shell', reason: 'starts with `^`: bash quick substitution' };
  }
  if (text.startsWith('#')) return { route: 'shell', reason: 'a comment: bash ignores it' };
  return undefined;
}

/** The text to send to the model for an nl or question line: the line without its prefix. */
export function requestText(line: string, facts: Pick<RouteFacts, 'config'>): string {
  const text = line.trim();
  if (text.startsWith('?')) return text.slice(1).trim();
  const { nlPrefix } = facts.config;
  if (nlPrefix && text.startsWith(nlPrefix)) return text.slice(nlPrefix.length).trim();
  return text;
}
