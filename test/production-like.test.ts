// Which names look like production: whole words, pre-/non- negated.

import { describe, expect, it } from 'vitest';
import { isProductionLike } from '../src/production-like.js';

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
