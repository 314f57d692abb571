// `nl-sh --risk [--explain]`: judge each command on stdin (one per line, or a JSON object with a
// `cmd` field for multi-line commands) with nl-sh's own risk gate and the user's policy, and
// print one JSON object per command, or a readable explanation. Runs nothing. It judges as a
// session does: this directory, the tool facts the extra rules test (the kube context) and the
// user plugins' rules.

import { join } from 'node:path';
import { homedir } from 'node:os';
import { configDir } from '../config.js';
import { describeError } from '../errors.js';
import { builtinIntegrations, integrationFacts, loadPlugins, pluginFiles, type PluginSet } from '../integrations/index.js';
import { createFsFacts, readPolicyFile, runRiskCli } from '../risk/index.js';
import { gateRules } from './gate-rules.js';

// Time for the tool facts (kubeconfig files); a session's judge allows less, but waits on nobody here.
const factsBudgetMs = 200;

/** Read stdin, judge every command, write the results; resolves with the exit status. */
export async function runRiskCommand(opts: { env: Record<string, string | undefined>; explain: boolean; input: NodeJS.ReadableStream; output: NodeJS.WritableStream; errors: NodeJS.WritableStream }): Promise<number> {
  const chunks: Buffer[] = [];
  for await (const chunk of opts.input) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  const { policy, warning } = await readPolicyFile(join(configDir(opts.env), 'policy.toml'));
  if (warning) opts.errors.write(`${warning}\n`);
  const cwd = process.cwd();
  const withRules = builtinIntegrations.filter((i) => (i.adjustments ?? []).length > 0);
  const [report, plugins] = await Promise.all([integrationFacts(cwd, opts.env, factsBudgetMs, withRules), userPlugins(opts.env, opts.errors)]);
  try {
    const facts = { fs: createFsFacts({ cwd, home: opts.env.HOME ?? homedir() }), tools: report.facts, rules: gateRules(plugins) };
    opts.output.write(await runRiskCli(Buffer.concat(chunks).toString('utf8'), { explain: opts.explain, policy, facts }));
  } finally {
    plugins?.dispose();
  }
  return 0;
}

// The user's plugins, started only when plugin files exist; a failure is one line on stderr.
async function userPlugins(env: Record<string, string | undefined>, errors: NodeJS.WritableStream): Promise<PluginSet | undefined> {
  const dir = join(configDir(env), 'plugins');
  if ((await pluginFiles(dir)).length === 0) return undefined;
  const warn = (line: string): void => void errors.write(`${line}\n`);
  return loadPlugins(dir, { warn }).catch((err: unknown) => {
    warn(`nl-sh: plugins disabled (${describeError(err)})`);
    return undefined;
  });
}
