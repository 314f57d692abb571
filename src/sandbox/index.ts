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

// The sandbox: probe the machine, build a profile, prepare a contained argv, explain denials.
export type { Capabilities, ResourceLimits, SandboxProfile, PreparedCommand, ProfileKind } from './sandbox-types.js';
export { chooseExecution, commandShape, type Execution, type CommandShape } from './execution.js';
export { buildConfineArgs, confineGaps, type ConfineRequest } from './confine-args.js';
export { probeCapabilities, bundledConfinePath, createNodeProbeIo, createCapabilityCache, compareVersions, type ProbeIo, type CapabilityCache } from './capabilities.js';
export { buildProfile, protectedPathsFor, shellRcFiles, homeProtectedPaths, repoProtectedPaths, defaultLimits, type ProfileFacts } from './profiles.js';
export { buildBwrapArgs, unboundProtectedPaths, type PathExists } from './bwrap-args.js';
export { buildLimitsArgs, buildPrlimitArgs, buildSystemdRunArgs, type LimitsArgs, type LimitTools } from './limits-args.js';
export { quoteForBash, quoteBytesForBash, quoteArgvForBash } from './shell-quote.js';
export { prepareCommand, type PrepareOptions } from './prepare.js';
export { explainDenial } from './explain-denial.js';

// The dry run: run a command in overlays with no network, report and optionally apply its changes.
export { dryRun } from './dry-run/runner.js';
export { planApply, applyPlan, type ApplyOp } from './dry-run/apply.js';
export { renderChanges, summaryLine, lineDiff } from './dry-run/diff.js';
export { chooseRoots, touchesHome } from './dry-run/roots.js';
export type { DryRunRequest, DryRunResult, FileChange, EntryType } from './dry-run/types.js';
export { runDryRunCli, type DryRunCliOptions } from './dry-run-cli.js';
