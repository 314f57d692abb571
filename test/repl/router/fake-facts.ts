// Route facts for tests: a fixed, typical machine (no niche tools, no kubectl, no dnf), the
// user's aliases `ll` and `gst` and functions `mkcd` and `deploy`, so tables do not depend on
// the machine running them.

import { BASH_BUILTINS, BASH_KEYWORDS } from '../../../src/repl/router/bash-words.js';
import { DEFAULT_ROUTE_CONFIG, type CommandKind, type RouteConfig, type RouteFacts } from '../../../src/repl/router/index.js';
import type { BashParser } from '../../../src/risk/index.js';

const PROGRAMS = new Set(
  `ls cat grep find sort make git head tail yes which who whoami date vim python3 node npm ssh
  curl tar rm mkdir cp mv touch du df free top ps sed awk wc man less file watch sleep split
  install xargs env sudo nohup tee cut tr uniq diff chmod chown ln stat uptime hostname uname
  ping dig ip mount umount systemctl journalctl apt dpkg gzip zip unzip rsync scp tmux nano
  view convert join paste expand fold look reset login clear seq shuf timeout nice wget jq`.split(/\s+/),
);

/** `type -t` on the test machine. */
export function fakeTypeOf(word: string): CommandKind {
  if (word === 'll' || word === 'gst') return 'alias';
  if (BASH_KEYWORDS.has(word)) return 'keyword';
  if (word === 'mkcd' || word === 'deploy') return 'function';
  if (BASH_BUILTINS.has(word)) return 'builtin';
  if (PROGRAMS.has(word)) return 'file';
  if (word === './configure' || word === '/usr/bin/env' || word === '~/bin/x') return 'file';
  return '';
}

/** Route facts for the test machine, with or without the parser. */
export function fakeFacts(parser?: BashParser, config: RouteConfig = DEFAULT_ROUTE_CONFIG): RouteFacts {
  return parser ? { typeOf: fakeTypeOf, parser, config } : { typeOf: fakeTypeOf, config };
}
