// The built-in integrations, in the order their facts are shown. One table: adding a tool is a
// new file with an Integration and a row here (STYLE.md practice 15).

import { awsIntegration } from './aws.js';
import type { Integration, RiskAdjustment } from './contract.js';
import { dockerIntegration } from './docker.js';
import { gitIntegration } from './git.js';
import { kubectlIntegration } from './kubectl.js';
import { packagesIntegration } from './packages.js';

/** Every built-in integration. */
export const builtinIntegrations: readonly Integration[] = Object.freeze([gitIntegration, kubectlIntegration, awsIntegration, dockerIntegration, packagesIntegration]);

/** The risk adjustments of a list of integrations (default: the built-ins). */
export function adjustmentsOf(list: readonly Integration[] = builtinIntegrations): RiskAdjustment[] {
  return list.flatMap((i) => i.adjustments ?? []);
}
