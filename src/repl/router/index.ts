// The public face of the line router: `route` decides where a submitted line goes;
// `CommandTable` and `gatherBashFacts` provide what bash knows about command words;
// `suggestForNotFound` helps after a 127; `formatRouteLines` is the core of `nl-sh --route`.
// Build the facts as `{ typeOf: (w) => table.typeOf(w), parser, config }`.

export { route } from './route.js';
export { requestText } from './overrides.js';
export {
  DEFAULT_ROUTE_CONFIG,
  type CommandKind,
  type Route,
  type RouteConfig,
  type RouteDecision,
  type RouteFacts,
} from './route-types.js';
export { CommandTable, gatherBashFacts, type BashFacts, type CommandTableOptions } from './command-facts.js';
export { suggestForNotFound, type NotFoundFacts, type NotFoundSuggestion } from './not-found.js';
export { formatRouteLines } from './route-cli.js';
