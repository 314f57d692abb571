// kubectl: the current context, its cluster and namespace, read from the kubeconfig ($KUBECONFIG,
// the first file that sets current-context wins, as kubectl merges; else ~/.kube/config) without
// running kubectl. A production-looking context or namespace is said so, and raises writes.

import { join } from 'node:path';
import type { ExtraRule } from '../extra-rule.js';
import type { Integration, IntegrationCtx } from './contract.js';
import { currentKubeContext, parseKubeconfig, type KubeContext } from './kubeconfig.js';
import { isProductionLike } from '../production-like.js';

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

// Options that override the facts on the command line.
const kubeContext = { fact: 'kube context', options: ['--context'] };
const kubeNamespace = { fact: 'kube namespace', options: ['-n', '--namespace'] };

/** Writes under a production-looking context or namespace: at least destructive (typed confirmation). */
export const kubeProductionAdjustments: readonly ExtraRule[] = [
  {
    programs: ['kubectl', 'k', 'oc'],
    verbs: ['apply', 'create', 'replace', 'delete', 'scale', 'autoscale', 'edit', 'patch', 'set', 'label', 'annotate', 'expose', 'run', 'rollout restart', 'rollout undo', 'rollout pause', 'rollout resume', 'drain', 'cordon', 'uncordon', 'taint'],
    when: { anyOf: [kubeContext, kubeNamespace], test: 'production-like' },
    dryRun: ['--dry-run', '--dry-run=client', '--dry-run=server'],
    level: 'destructive',
    why: 'which looks like production',
  },
  {
    programs: ['helm'],
    verbs: ['install', 'upgrade', 'rollback', 'uninstall', 'delete', 'del', 'un'],
    when: { anyOf: [{ ...kubeContext, options: ['--kube-context'] }, kubeNamespace], test: 'production-like' },
    dryRun: ['--dry-run'],
    level: 'destructive',
    why: 'which looks like production',
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
