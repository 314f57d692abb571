// `nl-sh --risk [--explain]`: judge each command on stdin (one per line, or a JSON object with a
// `cmd` field for multi-line commands) with nl-sh's own risk gate and the user's policy, and
// print one JSON object per command, or a readable explanation. Runs nothing.

import { join } from 'node:path';
import { homedir } from 'node:os';
import { configDir } from '../config.js';
import { createFsFacts, readPolicyFile, runRiskCli } from '../risk/index.js';

/** Read stdin, judge every command, write the results; resolves with the exit status. */
export async function runRiskCommand(opts: { env: Record<string, string | undefined>; explain: boolean; input: NodeJS.ReadableStream; output: NodeJS.WritableStream; errors: NodeJS.WritableStream }): Promise<number> {
  const chunks: Buffer[] = [];
  for await (const chunk of opts.input) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  const { policy, warning } = await readPolicyFile(join(configDir(opts.env), 'policy.toml'));
  if (warning) opts.errors.write(`${warning}\n`);
  const text = await runRiskCli(Buffer.concat(chunks).toString('utf8'), { explain: opts.explain, policy, facts: createFsFacts({ cwd: process.cwd(), home: opts.env.HOME ?? homedir() }) });
  opts.output.write(text);
  return 0;
}
