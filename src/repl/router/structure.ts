// Phase 2's decisive shapes: lines that are bash whatever their words say. Assignments,
// compound commands (`for x in`, `case`, function definitions, `[[ ]]`), lines that continue a
// compound typed over several lines (`done`, `fi`), and history expansions (`sudo !!`).

import type { LineShape } from './line-shape.js';
import type { RouteDecision } from './route-types.js';

/** Reserved words that close or continue a compound command typed over several lines. */
const CONTINUATIONS = new Set(['done', 'fi', 'esac', '}', 'then', 'do', 'else', 'elif', 'in', ';;']);
/** Words bash's history expansion rewrites (`!!`, `!$`, `!*`, `!-2`, `!:1`). */
const HISTORY_EXPANSION = /^!(!|\$|\*|\^|-\d|:\d)/;
const FUNCTION_NAME = /^[\w.:-]+$/;

/** The shell decision a line's structure forces, or undefined when its words must be weighed. */
export function routeByStructure(shape: LineShape): RouteDecision | undefined {
  const head = shape.segments[0];
  const firstToken = shape.lexed.tokens[0];
  if (!head || !firstToken) return { route: 'shell', reason: 'bash syntax only' };
  if (firstToken.kind === 'word' && head.assignments > 0 && head.words[0] === firstToken) {
    return { route: 'shell', reason: `starts with the assignment \`${firstToken.text}\`` };
  }
  const words = head.words.map((w) => w.text);
  const w0 = words[0] ?? '';
  if (firstToken.kind === 'word' && CONTINUATIONS.has(w0) && (words.length === 1 || shape.joiners.length > 0)) {
    return { route: 'shell', reason: `\`${w0}\` continues a compound command` };
  }
  if ((w0 === 'for' || w0 === 'select') && (words[2] === 'in' || (words[1] ?? '').startsWith('(('))) {
    return { route: 'shell', reason: `a \`${w0}\` loop` };
  }
  if (w0 === 'case' && words[2] === 'in') return { route: 'shell', reason: 'a `case` statement' };
  if (w0 === 'function' && words.length >= 2 && FUNCTION_NAME.test(words[1]!.replace(/\(\)$/, ''))) {
    return { route: 'shell', reason: 'a function definition' };
  }
  const [, open, close] = shape.lexed.tokens;
  if (words.length === 1 && FUNCTION_NAME.test(w0) && open?.text === '(' && close?.text === ')') {
    return { route: 'shell', reason: 'a function definition' };
  }
  if (w0 === '[[' || w0 === '[' || w0 === '((' || words[0]?.startsWith('((')) {
    return { route: 'shell', reason: `a \`${w0}\` test` };
  }
  for (const segment of shape.segments) {
    const history = segment.words.find((w) => HISTORY_EXPANSION.test(w.text));
    if (history) return { route: 'shell', reason: `\`${history.text}\` is a bash history expansion` };
  }
  return undefined;
}
