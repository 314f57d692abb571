// `nl-sh --history [TEXT] [--cwd DIR] [--route R] [--exit N] [--json]`: list and search nl-sh's
// own history of requests, newest first.

import { join } from 'node:path';
import { stateDir } from '../config.js';
import { readHistory, searchHistory, type HistoryQuery } from '../repl/index.js';

/** Parse the --history arguments into a query, or an error message. */
export function parseHistoryArgs(args: string[]): { query: HistoryQuery; json: boolean } | { error: string } {
  const query: HistoryQuery = {};
  let json = false;
  const text: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = (): string | undefined => args[++i];
    if (a === '--json') json = true;
    else if (a === '--cwd') query.cwd = value();
    else if (a === '--route') {
      const r = value();
      if (r !== 'shell' && r !== 'nl' && r !== 'question') return { error: `--route: expected shell, nl or question, found ${JSON.stringify(r)}` };
      query.route = r;
    } else if (a === '--exit') {
      const n = Number(value());
      if (!Number.isInteger(n)) return { error: '--exit: expected an exit status (a whole number)' };
      query.exitStatus = n;
    } else if (a === '--limit') {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 1) return { error: '--limit: expected a positive whole number' };
      query.limit = n;
    } else text.push(a);
  }
  if (text.length) query.text = text.join(' ');
  return { query, json };
}

/** Print the matching entries. */
export function runHistoryCommand(opts: { env: Record<string, string | undefined>; args: string[]; output: NodeJS.WritableStream; errors: NodeJS.WritableStream }): number {
  const parsed = parseHistoryArgs(opts.args);
  if ('error' in parsed) {
    opts.errors.write(`nl-sh: ${parsed.error}\n`);
    return 2;
  }
  const hits = searchHistory(readHistory(join(stateDir(opts.env), 'history.jsonl')), { limit: 50, ...parsed.query });
  for (const e of hits) {
    if (parsed.json) opts.output.write(`${JSON.stringify(e)}\n`);
    else {
      const when = new Date(e.at).toISOString().replace('T', ' ').slice(0, 16);
      const result = e.exitStatus !== undefined ? ` exit ${e.exitStatus}` : '';
      opts.output.write(`${when}  ${e.route.padEnd(8)} ${e.line}${e.command && e.command !== e.line ? `\n${''.padEnd(27)}→ ${e.command}` : ''}${e.risk ? `  [${e.risk}]` : ''}${e.decision ? ` ${e.decision}` : ''}${result}  (${e.cwd})\n`);
    }
  }
  return 0;
}
