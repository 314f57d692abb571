// The public face of src/risk: the bash parser, the risk gate (classify a command line, then
// decide by policy), and where an approved command runs. Pure decisions; I/O comes in as facts.

export { loadBashParser, type BashParser, type SyntaxNode } from './parse/bash-parser.js';
export { classifyCommand, loadRules, type ClassifierDeps } from './classify.js';
export { assessCommand, loadRiskClassifier, type GateFacts, type RiskClassifier } from './assess.js';
export type { ExtraRule, FactCondition, FactTest } from '../extra-rule.js';
export { formatReason, type Assessment, type Reason, type ReasonKind } from './assessment.js';
export { levels, maxLevel, compareLevels, isLevel, type Level } from '../level.js';
export { createFsFacts, type FsFacts, type GlobBudget, type GlobMatches, type GlobLimits } from './fs-facts.js';
export { defaultRuleTable } from './rules/index.js';
export { validateRules } from './rules/validate-rules.js';
export type { RuleTable, CommandRule } from './rules/rule-types.js';
export { runRiskCli, readCommands, type RiskCliOptions } from './risk-cli.js';
export { decideAction, matchesApproval, defaultPolicy, mostRestrictivePolicy, actions, type Action, type Approval, type Policy, type Decision } from './policy/policy.js';
export { loadPolicy, parsePolicy, readPolicyFile, fallbackNote as policyFallbackNote, rememberApproval, nodePolicyIo, formatApprovalToml, type LoadedPolicy, type PolicyIo } from './policy/policy-file.js';
export { chooseExecution, commandShape, type Execution, type CommandShape } from './execution.js';
