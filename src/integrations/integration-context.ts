// Tool facts for callers outside src/integrations: the planner's context lines, the facts the
// risk gate adjusts by, and the few facts a preview shows for the command at hand.

import { runIntegrations, type Integration, type IntegrationReport, type ToolFacts } from './contract.js';
import { createIntegrationCtx } from './io.js';
import { builtinIntegrations } from './registry.js';

/** Ask every relevant integration (default: the built-ins) for facts about `cwd` within `budgetMs`. */
export function integrationFacts(cwd: string, env: Readonly<Record<string, string | undefined>>, budgetMs: number, list: readonly Integration[] = builtinIntegrations): Promise<IntegrationReport> {
  return runIntegrations(list, createIntegrationCtx(cwd, env), budgetMs);
}

/** Facts as `key: value` lines. */
export function formatFacts(facts: ToolFacts): string[] {
  return Object.entries(facts).map(([key, value]) => `${key}: ${value}`);
}

/** Lines for the planner's context (`git branch: main`, `kube context: prod-eu`); slow tools are named last. */
export async function integrationContext(cwd: string, env: Readonly<Record<string, string | undefined>>, budgetMs: number, list: readonly Integration[] = builtinIntegrations): Promise<string[]> {
  const report = await integrationFacts(cwd, env, budgetMs, list);
  const lines = formatFacts(report.facts);
  if (report.omitted.length) lines.push(`not checked (too slow or failed): ${report.omitted.join(', ')}`);
  return lines;
}

/** The facts that matter for a command, by the programs it runs (`kubectl` → kube context and namespace). */
export function factsForCommand(report: IntegrationReport, programs: readonly string[], list: readonly Integration[] = builtinIntegrations): string[] {
  const names = new Set(list.filter((i) => i.programs.some((p) => programs.includes(p))).map((i) => i.name));
  return report.sections.filter((s) => names.has(s.name)).flatMap((s) => formatFacts(s.facts));
}
