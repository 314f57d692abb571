import { beforeAll, describe, expect, it } from 'vitest';
import { loadRiskClassifier, type RiskClassifier } from '../../src/risk/index.js';

// The issue asks that these aws commands be destructive; the rules in
// src/risk/rules/cloud-rules.ts already make them so. Kept here as the contract.
describe('aws commands named in the integrations issue', () => {
  let risk: RiskClassifier;
  beforeAll(async () => {
    risk = await loadRiskClassifier();
  });

  it.each([
    ['aws s3 rm s3://bucket/prefix --recursive', 'destructive'],
    ['aws --profile prod s3 rm --recursive s3://bucket', 'destructive'],
    ['aws ec2 terminate-instances --instance-ids i-0123456789abcdef0', 'destructive'],
    ['aws --region eu-west-1 cloudformation delete-stack --stack-name shop', 'destructive'],
    ['aws rds delete-db-instance --db-instance-identifier shop --skip-final-snapshot', 'destructive'],
    ['aws s3 rm s3://bucket/prefix --recursive --dryrun', 'read_only'],
    ['aws ec2 terminate-instances --instance-ids i-1 --dry-run', 'read_only'],
    ['aws s3 ls s3://bucket', 'read_only'],
    ['aws cloudformation describe-stacks', 'read_only'],
  ])('%s is %s', (line, level) => {
    expect(risk.classify(line).level).toBe(level);
  });
});
