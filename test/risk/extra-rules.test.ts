// Extra rules matched inside the walk: the built-in argv parser finds the verb past options with
// values, through wrappers and nested shells; unknown programs fail closed (every positional is
// tried as the verb); dry-run words disable a rule; an option on the line replaces the fact; a
// rule never lowers a level.

import { beforeAll, describe, expect, it } from 'vitest';
import { kubeProductionAdjustments } from '../../src/integrations/index.js';
import { loadRiskClassifier, type Assessment, type ExtraRule, type Level, type RiskClassifier } from '../../src/risk/index.js';

const rules: ExtraRule[] = [
  ...kubeProductionAdjustments,
  { programs: ['helm'], verbs: ['upgrade'], level: 'privileged', why: 'upgrades a release (plugin h)' },
  { programs: ['mytool'], verbs: ['deploy'], level: 'destructive', why: 'deploys (plugin m)' },
  { programs: ['mytool'], verbs: ['db drop'], level: 'privileged', why: 'drops the database (plugin m)' },
];
const dev = { 'kube context': 'kind-dev', 'kube namespace': 'default' };
const prod = { 'kube context': 'prod-eu', 'kube namespace': 'default' };
const prodNamespace = { 'kube context': 'ops', 'kube namespace': 'prod' };

describe('extra rules in the walk', () => {
  let risk: RiskClassifier;
  beforeAll(async () => {
    risk = await loadRiskClassifier();
  });
  const extraReasons = (a: Assessment) => a.reasons.filter((r) => /looks like production|\(plugin /.test(r.why)).map((r) => r.why);

  it.each([
    // [line, tool facts, level, text each extra reason has (most severe first); [] = none]
    // Options before the verb, values attached, `--` ending options.
    ['helm -n prod upgrade r c', dev, 'privileged', ['upgrades a release', 'helm upgrade under kube namespace prod (given on the command line)']],
    ['helm --kube-context gke_x_prod upgrade r c', dev, 'privileged', ['upgrades a release', 'kube context gke_x_prod (given on the command line)']],
    ['helm upgrade -nprod r c', dev, 'privileged', ['upgrades a release', 'kube namespace prod (given']],
    ['helm --namespace=production upgrade r c', dev, 'privileged', ['upgrades a release', 'kube namespace production (given']],
    ['helm -n staging upgrade r c', dev, 'privileged', ['upgrades a release']],
    ['helm list -n prod', dev, 'read_only', []],
    ['kubectl -nprod apply -f x.yaml', dev, 'destructive', ['kubectl apply under kube namespace prod (given']],
    ['kubectl --namespace=prod-eu delete pod web', dev, 'destructive', ['kubectl delete under kube namespace prod-eu (given']],
    ['kubectl --context prod-us rollout restart deploy/web', dev, 'destructive', ['kubectl rollout restart under kube context prod-us']],
    ['kubectl rollout status deploy/web', prod, 'read_only', []],
    ['kubectl apply -f x.yaml -- --namespace=prod', dev, 'writes', []],
    ['kubectl apply -f x.yaml -- --dry-run=client', prod, 'destructive', ['kube context prod-eu']],
    ['kubectl $VERB deploy/web', prod, 'destructive', ['kubectl apply (or whatever verb it runs, known only at run time) under kube context prod-eu']],
    ['kubectl rollout "$how" deploy/web', prod, 'destructive', ['kubectl rollout restart (or whatever verb it runs, known only at run time) under kube context prod-eu']],
    ['mytool "$@"', {}, 'privileged', ['drops the database', 'deploys']],
    // Unknown programs: options' values cannot be known, so every positional is tried.
    ['mytool deploy', {}, 'destructive', ['deploys (plugin m)']],
    ['mytool -e staging deploy', {}, 'destructive', ['deploys (plugin m)']],
    ['mytool --region=eu -v deploy now', {}, 'destructive', ['deploys (plugin m)']],
    ['mytool db -f x drop', {}, 'privileged', ['drops the database (plugin m)']],
    ['mytool drop db', {}, 'writes', []],
    ['mytool status', {}, 'writes', []],
    ['mytool -- deploy', {}, 'destructive', ['deploys (plugin m)']],
    // Wrapped: sudo, env, timeout, nohup, command, bash -c, xargs, a function.
    ['sudo kubectl apply -f x.yaml', prod, 'privileged', ['kubectl apply under kube context prod-eu']],
    ['sudo -u ops helm -n prod upgrade r c', dev, 'privileged', ['upgrades a release', 'kube namespace prod (given']],
    ['env KUBECONFIG=/x kubectl delete pod web', prod, 'destructive', ['kubectl delete under kube context prod-eu']],
    ['timeout 5 mytool deploy', {}, 'destructive', ['deploys (plugin m)']],
    ['nohup mytool deploy &', {}, 'destructive', ['deploys (plugin m)']],
    ['command kubectl cordon node-1', prod, 'destructive', ['kubectl cordon under kube context prod-eu']],
    ["bash -c 'kubectl delete pod web'", prod, 'destructive', ['kubectl delete under kube context prod-eu']],
    ["sh -c 'cd /tmp && helm upgrade r c'", dev, 'privileged', ['upgrades a release']],
    ['echo web | xargs kubectl delete pod', prod, 'destructive', ['kubectl delete under kube context prod-eu']],
    ['f() { kubectl apply -f "$1"; }; f x.yaml', prod, 'destructive', ['kubectl apply under kube context prod-eu']],
    // Dry-run words disable only the rules that list them.
    ['kubectl apply --dry-run=server -f x.yaml', prod, 'read_only', []],
    // A request for help or the version changes nothing, under any context.
    ['kubectl apply --help', prod, 'read_only', []],
    ['kubectl delete --version', prod, 'read_only', []],
    ['helm upgrade --dry-run r c', prod, 'privileged', ['upgrades a release']],
    // The fact, unless an option on the line replaces it; a value only known at run time is risky.
    ['kubectl apply -f x.yaml', prodNamespace, 'destructive', ['kube namespace prod']],
    ['kubectl -n default apply -f x.yaml', prodNamespace, 'writes', []],
    ['kubectl --context kind-dev apply -f x.yaml', prod, 'writes', []],
    ['kubectl --context "$CTX" apply -f x.yaml', dev, 'destructive', ['only known at run time']],
    ['kubectl apply -f x.yaml', {}, 'writes', []],
  ] as const)('%s under %j → %s', (line, tools, level, expected) => {
    const a = risk.assess(line, { tools, rules });
    expect(a.level).toBe(level);
    const found = extraReasons(a);
    expect(found).toHaveLength(expected.length);
    expected.forEach((text, i) => expect(found[i]).toContain(text));
  });

  it('never lowers: a rule below the built-in level adds its reason and keeps the level', () => {
    const low: ExtraRule[] = [{ programs: ['rm'], level: 'writes', why: 'removes (plugin low)' }];
    for (const line of ['rm -rf /', 'sudo rm -rf /', "bash -c 'rm -rf ~'"]) {
      const before = risk.assess(line);
      const after = risk.assess(line, { rules: low });
      expect(after.level).toBe(before.level);
      expect(after.reasons).toEqual(expect.arrayContaining(before.reasons));
      expect(after.reasons.some((r) => r.why === 'removes (plugin low)')).toBe(true);
    }
  });

  it('an unknown fact test fails closed (the rule applies)', () => {
    const odd = [{ programs: ['mytool'], level: 'destructive' as Level, why: 'odd', when: { anyOf: [{ fact: 'x', options: [] }], test: 'no-such-test' as never } }];
    expect(risk.assess('mytool go', { tools: { x: 'anything' }, rules: odd }).level).toBe('destructive');
  });
});
