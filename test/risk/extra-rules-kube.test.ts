// The kubectl integration's tool-fact rules, matched by the risk gate: a kube write under a
// production-looking context or namespace (the fact, or an option on the line) is destructive.

import { beforeAll, describe, expect, it } from 'vitest';
import { kubeProductionAdjustments, type ToolFacts } from '../../src/integrations/index.js';
import { loadRiskClassifier, type Assessment, type RiskClassifier } from '../../src/risk/index.js';

describe('assess with the kube rules: writes under a production-looking context', () => {
  let risk: RiskClassifier;
  beforeAll(async () => {
    risk = await loadRiskClassifier();
  });
  const prod: ToolFacts = { 'kube context': 'prod-eu', 'kube namespace': 'default' };
  const dev: ToolFacts = { 'kube context': 'kind-dev', 'kube namespace': 'default' };
  const judge = (line: string, facts: ToolFacts): Assessment => risk.assess(line, { tools: facts, rules: kubeProductionAdjustments });

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

  it('judges each simple command by its own words', () => {
    const result = judge('kubectl get pods; kubectl apply -f x.yaml', prod);
    const added = result.reasons.filter((r) => r.kind === 'fact');
    expect(added).toEqual([{ level: 'destructive', kind: 'fact', part: 'kubectl apply -f x.yaml', why: 'kubectl apply under kube context prod-eu, which looks like production' }]);
    expect(judge('kubectl get pods; kubectl logs web', prod).level).toBe('read_only');
  });

  it('adds nothing when nothing applies, and never mutates its inputs', () => {
    const facts = Object.freeze({ ...dev });
    const rules = structuredClone(kubeProductionAdjustments);
    expect(risk.assess('kubectl apply -f x.yaml', { tools: facts, rules })).toEqual(risk.classify('kubectl apply -f x.yaml'));
    risk.assess('kubectl apply -f x.yaml', { tools: prod, rules });
    expect(rules).toEqual(kubeProductionAdjustments);
  });
});
