// The public face of src/sandbox: the bash parser today; the risk gate and the sandbox next.

export { loadBashParser, type BashParser, type SyntaxNode } from './parse/bash-parser.js';

// The risk gate: classify a command line, then decide by policy.
export { classifyCommand, loadRiskClassifier, loadRules, type ClassifierDeps, type RiskClassifier } from './risk/classify.js';
export { formatReason, type Assessment, type Reason, type ReasonKind } from './risk/assessment.js';
export { levels, maxLevel, compareLevels, isLevel, type Level } from './risk/levels.js';
export { createFsFacts, type FsFacts, type GlobMatches, type GlobLimits } from './risk/fs-facts.js';
export { defaultRuleTable } from './risk/rules/index.js';
export { validateRules } from './risk/rules/validate-rules.js';
export type { RuleTable, CommandRule } from './risk/rules/rule-types.js';
export { runRiskCli, readCommands, type RiskCliOptions } from './risk/risk-cli.js';
export { decideAction, matchesApproval, defaultPolicy, mostRestrictivePolicy, actions, type Action, type Approval, type Policy, type Decision } from './policy/policy.js';
export { loadPolicy, parsePolicy, readPolicyFile, rememberApproval, nodePolicyIo, formatApprovalToml, type LoadedPolicy, type PolicyIo } from './policy/policy-file.js';
