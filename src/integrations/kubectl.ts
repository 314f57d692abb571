// kubectl: the current context, its cluster and namespace, read from the kubeconfig ($KUBECONFIG,
// the first file that sets current-context wins, as kubectl merges; else ~/.kube/config) without
// running kubectl. A production-looking context or namespace is said so, and raises writes.

import { join } from 'node:path';
import type { Integration, IntegrationCtx, RiskAdjustment } from './contract.js';
import { currentKubeContext, parseKubeconfig, type KubeContext } from './kubeconfig.js';
import { isProductionLike } from './production.js';

const kubeconfigPaths = (ctx: IntegrationCtx): string[] =>
  ctx.env.KUBECONFIG ? ctx.env.KUBECONFIG.split(':').filter((p) => p !== '') : [join(ctx.env.HOME ?? '/', '.kube', 'config')];

/** The current context from the kubeconfig files, or undefined when none is set. */
export async function readCurrentKubeContext(ctx: IntegrationCtx): Promise<KubeContext | undefined> {
  const configs = (await Promise.all(kubeconfigPaths(ctx).map((p) => ctx.readFile(p)))).map((text) => parseKubeconfig(text ?? ''));
  const name = configs.find((c) => c.currentContext)?.currentContext;
  if (!name) return undefined;
  const contexts = configs.flatMap((c) => c.contexts);
  return currentKubeContext({ currentContext: name, contexts });
}

/** Writes under a production-looking context or namespace: at least destructive (typed confirmation). */
export const kubeProductionAdjustments: readonly RiskAdjustment[] = [
  {
    programs: ['kubectl', 'k', 'oc'],
    verbs: ['apply', 'create', 'replace', 'delete', 'scale', 'autoscale', 'edit', 'patch', 'set', 'label', 'annotate', 'expose', 'run', 'rollout restart', 'rollout undo', 'rollout pause', 'rollout resume', 'drain', 'cordon', 'uncordon', 'taint'],
    withValue: ['-n', '--namespace', '--context', '--kubeconfig', '--cluster', '--user', '-s', '--server', '--token', '--as', '--request-timeout'],
    facts: [
      { key: 'kube context', options: ['--context'] },
      { key: 'kube namespace', options: ['-n', '--namespace'] },
    ],
    test: 'production-like',
    dryRun: ['--dry-run', '--dry-run=client', '--dry-run=server'],
    level: 'destructive',
  },
  {
    programs: ['helm'],
    verbs: ['install', 'upgrade', 'rollback', 'uninstall', 'delete', 'del', 'un'],
    withValue: ['-n', '--namespace', '--kube-context', '--kubeconfig'],
    facts: [
      { key: 'kube context', options: ['--kube-context'] },
      { key: 'kube namespace', options: ['-n', '--namespace'] },
    ],
    test: 'production-like',
    dryRun: ['--dry-run'],
    level: 'destructive',
  },
];

/** kubectl, when it is installed and a kubeconfig names a current context. */
export const kubectlIntegration: Integration = {
  name: 'kubectl',
  programs: ['kubectl', 'k', 'oc', 'helm', 'kubectx', 'kubens'],
  detect: async (ctx) => (await ctx.which('kubectl')) !== undefined && (await readCurrentKubeContext(ctx)) !== undefined,
  async context(ctx) {
    const current = await readCurrentKubeContext(ctx);
    if (!current) return {};
    const namespace = current.namespace ?? 'default';
    const facts: Record<string, string> = { 'kube context': current.name, 'kube namespace': namespace };
    if (current.cluster && current.cluster !== current.name) facts['kube cluster'] = current.cluster;
    if (isProductionLike(current.name) || isProductionLike(namespace)) facts['kube production'] = 'yes: writes here need typed confirmation';
    return facts;
  },
  adjustments: kubeProductionAdjustments,
  onCommandDone: ({ words }) =>
    words[0] === 'kubectx' || words[0] === 'kubens' || (['kubectl', 'k', 'oc'].includes(words[0] ?? '') && words.includes('config')) ? 'stale' : 'unchanged',
};
