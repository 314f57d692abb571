import { beforeAll, describe, expect, it } from 'vitest';
import { adjustAssessment, isProductionLike, type ToolFacts } from '../../src/integrations/index.js';
import { loadRiskClassifier, type Assessment, type RiskClassifier } from '../../src/risk/index.js';

describe('isProductionLike', () => {
  it.each([
    ['prod-eu', true],
    ['eks-production', true],
    ['gke_x_prod', true],
    ['gke_acme_europe-west1_prod', true],
    ['arn:aws:eks:eu-west-1:123456789012:cluster/prd', true],
    ['live', true],
    ['shop-live-1', true],
    ['myProdCluster', true],
    ['PROD', true],
    ['prod1', true],
    ['product-demo', false],
    ['productions', false],
    ['dev', false],
    ['staging', false],
    ['preprod', false],
    ['pre-prod', false],
    ['pre_production', false],
    ['nonprod', false],
    ['non-prod', false],
    ['liveness', false],
    ['deliver', false],
    ['kind-dev', false],
    ['', false],
  ])('%s → %s', (name, expected) => {
    expect(isProductionLike(name)).toBe(expected);
  });
});

describe('adjustAssessment: kube writes under a production-looking context', () => {
  let risk: RiskClassifier;
  beforeAll(async () => {
    risk = await loadRiskClassifier();
  });
  const prod: ToolFacts = { 'kube context': 'prod-eu', 'kube namespace': 'default' };
  const dev: ToolFacts = { 'kube context': 'kind-dev', 'kube namespace': 'default' };
  const judge = (line: string, facts: ToolFacts): Assessment => adjustAssessment(risk.classify(line), undefined, facts);

  it.each([
    // [line, facts, level, the added reason names this (or undefined: no reason added)]
    ['kubectl apply -f deploy.yaml', prod, 'destructive', 'kube context prod-eu'],
    ['kubectl delete pod web-1', prod, 'destructive', 'kube context prod-eu'],
    ['kubectl scale deploy web --replicas=0', prod, 'destructive', 'kube context prod-eu'],
    ['kubectl edit deploy web', prod, 'destructive', 'kube context prod-eu'],
    ['kubectl patch deploy web -p {}', prod, 'destructive', 'kube context prod-eu'],
    ['kubectl rollout restart deploy/web', prod, 'destructive', 'kube context prod-eu'],
    ['kubectl drain node-1 --ignore-daemonsets', prod, 'destructive', 'kube context prod-eu'],
    ['kubectl cordon node-1', prod, 'destructive', 'kube context prod-eu'],
    ['kubectl -n web --request-timeout 5s apply -f x.yaml', prod, 'destructive', 'kube context prod-eu'],
    ['k apply -f x.yaml', prod, 'destructive', 'kube context prod-eu'],
    ['helm upgrade web ./chart', prod, 'destructive', 'kube context prod-eu'],
    ['kubectl apply -f x.yaml && echo done', prod, 'destructive', 'kube context prod-eu'],
    ['sudo kubectl apply -f x.yaml', prod, 'privileged', 'kube context prod-eu'],
    ['kubectl apply -f x.yaml', { 'kube context': 'ops', 'kube namespace': 'live' }, 'destructive', 'kube namespace live'],
    ['kubectl apply -n production -f x.yaml', dev, 'destructive', 'kube namespace production (given on the command line)'],
    ['kubectl --context=prod-us apply -f x.yaml', dev, 'destructive', 'kube context prod-us (given on the command line)'],
    ['helm install web ./chart --kube-context gke_x_prod', dev, 'destructive', 'kube context gke_x_prod (given on the command line)'],
    // Not raised: reads, dry runs, other contexts, other tools, no facts.
    ['kubectl get pods', prod, 'read_only', undefined],
    ['kubectl rollout status deploy/web', prod, 'read_only', undefined],
    ['kubectl apply --dry-run=client -f x.yaml', prod, 'read_only', undefined],
    ['kubectl apply --dry-run=server -f x.yaml', prod, 'read_only', undefined],
    ['kubectl apply -f x.yaml', dev, 'writes', undefined],
    ['kubectl --context kind-dev apply -f x.yaml', prod, 'writes', undefined],
    ['kubectl apply -f x.yaml', { 'kube context': 'preprod' }, 'writes', undefined],
    ['kubectl apply -f x.yaml', {}, 'writes', undefined],
    ['touch prod.txt', prod, 'writes', undefined],
    ['kubectl config use-context prod-eu', prod, 'writes', undefined],
  ] as const)('%s under %j → %s', (line, facts, level, names) => {
    const result = judge(line, facts);
    expect(result.level).toBe(level);
    const added = result.reasons.filter((r) => r.kind === 'fact' && r.why.includes('looks like production'));
    if (names === undefined) expect(added).toEqual([]);
    else {
      expect(added).toHaveLength(1);
      expect(added[0]?.why).toContain(names);
    }
  });

  it('puts the production reason first among equally severe reasons, so the preview shows it', () => {
    const result = judge('kubectl delete ns payments', prod);
    expect(result.reasons[0]).toMatchObject({ level: 'destructive', kind: 'fact', part: 'kubectl delete ns payments', why: 'kubectl delete under kube context prod-eu, which looks like production' });
    expect(result.reasons.some((r) => r.kind === 'rule' && r.level === 'destructive')).toBe(true);
  });

  it('takes explicit words for each simple command', () => {
    const base = risk.classify('kubectl apply -f x.yaml');
    expect(adjustAssessment(base, [['kubectl', 'apply', '-f', 'x.yaml']], prod).level).toBe('destructive');
    expect(adjustAssessment(base, [['kubectl', 'get', 'pods']], prod)).toBe(base);
  });

  it('returns the same assessment when nothing applies, and never mutates its input', () => {
    const base = risk.classify('kubectl apply -f x.yaml');
    const copy = structuredClone(base);
    expect(adjustAssessment(base, undefined, dev)).toBe(base);
    adjustAssessment(base, undefined, prod);
    expect(base).toEqual(copy);
  });
});
