// `nl-sh --route [--explain]`: route each line of stdin with the same facts as the interactive
// shell (PATH, bash's builtins and keywords, the aliases and functions the user's bashrc
// defines) and print one JSON object per line, or readable reasons.

import { CommandTable, DEFAULT_ROUTE_CONFIG, formatRouteLines, gatherBashFacts, type RouteConfig } from '../repl/index.js';
import { loadBashParser } from '../risk/index.js';

/** Read stdin, route every line, write the results; resolves with the exit status. */
export async function runRouteCommand(opts: { bash: string; env: NodeJS.ProcessEnv; explain: boolean; config?: RouteConfig; input: NodeJS.ReadableStream; output: NodeJS.WritableStream }): Promise<number> {
  const [text, facts, parser] = await Promise.all([readAll(opts.input), gatherBashFacts(opts.bash, opts.env), loadBashParser().catch(() => undefined)]);
  const table = new CommandTable(facts, { cwd: () => process.cwd(), home: opts.env.HOME });
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  opts.output.write(formatRouteLines(lines, { typeOf: (w) => table.typeOf(w), parser, config: opts.config ?? DEFAULT_ROUTE_CONFIG }, opts.explain));
  return 0;
}

async function readAll(input: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
