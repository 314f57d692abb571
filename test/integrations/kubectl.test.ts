import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { kubectlIntegration, parseKubeconfig } from '../../src/integrations/index.js';
import { ctxWith, roomyBudget, stubBin, tempDir, writeFiles } from './support.js';

// Shaped like `kubectl config view --raw` output from EKS, GKE and minikube (whose contexts
// carry extensions with names of their own).
const eks = `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: LS0tLS1CRUdJTg==
    server: https://ABC.gr7.eu-west-1.eks.amazonaws.com
  name: arn:aws:eks:eu-west-1:123456789012:cluster/shop
contexts:
- context:
    cluster: arn:aws:eks:eu-west-1:123456789012:cluster/shop
    namespace: payments
    user: arn:aws:eks:eu-west-1:123456789012:cluster/shop
  name: prod-eu
- context:
    cluster: kind-dev
    user: kind-dev
  name: dev
current-context: prod-eu
kind: Config
preferences: {}
users:
- name: arn:aws:eks:eu-west-1:123456789012:cluster/shop
  user:
    token: not-a-real-token
`;
const minikube = `apiVersion: v1
contexts:
  - context:
      cluster: minikube
      extensions:
        - extension:
            provider: minikube.sigs.k8s.io
          name: context_info
      namespace: default
      user: minikube
    name: minikube
current-context: "minikube"
kind: Config
`;
const json = JSON.stringify({ 'current-context': 'gke_acme_europe-west1_prod', contexts: [{ name: 'gke_acme_europe-west1_prod', context: { cluster: 'gke_acme_europe-west1_prod', namespace: 'web' } }] });

const work = tempDir('kube');
const bin = stubBin(work.dir, { kubectl: {} });
writeFiles(work.dir, { 'home/.kube/config': eks, 'minikube.yaml': minikube, 'gke.json': json, 'empty.yaml': 'apiVersion: v1\nkind: Config\ncurrent-context: ""\n' });
const home = join(work.dir, 'home');
const ctx = (extra: Record<string, string> = {}) => ctxWith(work.dir, { PATH: bin, HOME: home, ...extra });

describe('kubectl integration', () => {
  afterAll(() => work.cleanup());

  it('reads the current context, its namespace and cluster from ~/.kube/config and says it looks like production', async () => {
    expect(await kubectlIntegration.context(ctx(), roomyBudget())).toEqual({
      'kube context': 'prod-eu',
      'kube namespace': 'payments',
      'kube cluster': 'arn:aws:eks:eu-west-1:123456789012:cluster/shop',
      'kube production': 'yes: writes here need typed confirmation',
    });
  });

  it('reads $KUBECONFIG, where the first file that sets current-context wins', async () => {
    const list = [join(work.dir, 'empty.yaml'), join(work.dir, 'minikube.yaml'), join(home, '.kube', 'config')].join(':');
    expect(await kubectlIntegration.context(ctx({ KUBECONFIG: list }), roomyBudget())).toEqual({ 'kube context': 'minikube', 'kube namespace': 'default' });
  });

  it('reads a JSON kubeconfig', async () => {
    expect(await kubectlIntegration.context(ctx({ KUBECONFIG: join(work.dir, 'gke.json') }), roomyBudget())).toMatchObject({ 'kube context': 'gke_acme_europe-west1_prod', 'kube namespace': 'web', 'kube production': expect.any(String) });
  });

  it('never puts credentials from the kubeconfig in its facts', async () => {
    expect(JSON.stringify(await kubectlIntegration.context(ctx(), roomyBudget()))).not.toContain('not-a-real-token');
  });

  it('is relevant only with kubectl installed and a current context', async () => {
    expect(await kubectlIntegration.detect(ctx())).toBe(true);
    expect(await kubectlIntegration.detect(ctx({ KUBECONFIG: join(work.dir, 'empty.yaml') }))).toBe(false);
    expect(await kubectlIntegration.detect(ctx({ KUBECONFIG: join(work.dir, 'missing.yaml') }))).toBe(false);
    expect(await kubectlIntegration.detect(ctxWith(work.dir, { PATH: join(work.dir, 'none'), HOME: home }))).toBe(false);
  });

  it.each([
    ['YAML with nested extension names', minikube, { currentContext: 'minikube', contexts: [{ name: 'minikube', cluster: 'minikube', namespace: 'default' }] }],
    ['quoted values and comments', "current-context: 'a b' # now\ncontexts:\n- name: 'a b'\n  context:\n    namespace: \"ns\"\n", { currentContext: 'a b', contexts: [{ name: 'a b', namespace: 'ns' }] }],
    ['no contexts', 'kind: Config\n', { contexts: [] }],
    ['broken JSON', '{ "current-context": ', { contexts: [] }],
    ['CRLF line ends', 'current-context: x\r\ncontexts:\r\n- context:\r\n    cluster: c\r\n  name: x\r\n', { currentContext: 'x', contexts: [{ name: 'x', cluster: 'c' }] }],
  ])('parses a kubeconfig: %s', (_title, text, expected) => {
    expect(parseKubeconfig(text)).toEqual(expected);
  });

  it('marks its facts stale after a context switch', () => {
    const done = (words: string[]) => kubectlIntegration.onCommandDone?.({ words, status: 0, cwd: '/' });
    expect(done(['kubectl', 'config', 'use-context', 'dev'])).toBe('stale');
    expect(done(['kubens', 'web'])).toBe('stale');
    expect(done(['kubectl', 'get', 'pods'])).toBe('unchanged');
  });
});
