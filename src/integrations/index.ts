// The public face of src/integrations: tool-aware facts (git, kubectl, aws, docker, package
// managers) for the planner's context, the risk gate's extra rules (as data) and the preview.

export type { Integration, IntegrationCtx, Budget, ToolFacts, RunResult, CommandDone, IntegrationReport, IntegrationSection } from './contract.js';
export { runIntegrations, staleIntegrations, remainingMs } from './contract.js';
export { createIntegrationCtx } from './io.js';
export { builtinIntegrations, adjustmentsOf } from './registry.js';
export { integrationFacts, integrationContext, formatFacts, factsForCommand } from './integration-context.js';
export { parseKubeconfig, currentKubeContext, type KubeConfig, type KubeContext } from './kubeconfig.js';
export { gitIntegration, findGitDir } from './git.js';
export { awsIntegration, parseAwsConfig } from './aws.js';
export { dockerIntegration, parseComposeFile } from './docker.js';
export { kubectlIntegration, kubeProductionAdjustments, readCurrentKubeContext } from './kubectl.js';
export { packagesIntegration, packageFiles } from './packages.js';

// User plugins: isolates in a plugin process, started only when plugin files exist.
export { loadPlugins, type PluginSet, type PluginFacts } from './plugins/plugin-host.js';
export { pluginFiles } from './plugins/plugin-files.js';
export type { SourcedPluginRule, PluginCommandDone } from './plugins/plugin-contract.js';
export { pluginExtraRules } from './plugin-rules.js';
