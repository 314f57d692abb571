// The built-in integrations, in the order their facts are shown. One table: adding a tool is a
// new file with an Integration and a row here (STYLE.md practice 15).

import { awsIntegration } from './aws.js';
import type { ExtraRule } from '../extra-rule.js';
import type { Integration } from './contract.js';
import { dockerIntegration } from './docker.js';
import { gitIntegration } from './git.js';
import { kubectlIntegration } from './kubectl.js';
import { packagesIntegration } from './packages.js';

/** Every built-in integration. */
export const builtinIntegrations: readonly Integration[] = Object.freeze([gitIntegration, kubectlIntegration, awsIntegration, dockerIntegration, packagesIntegration]);

/** The risk rules of a list of integrations (default: the built-ins), for the gate's extra rules. */
export function adjustmentsOf(list: readonly Integration[] = builtinIntegrations): ExtraRule[] {
  return list.flatMap((i) => i.adjustments ?? []);
}
