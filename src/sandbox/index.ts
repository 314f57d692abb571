// The public face of src/sandbox: probe the machine, build the profile a verdict calls for,
// prepare a contained argv (it runs nothing), explain denials, and the dry run.

// The sandbox: probe the machine, build a profile, prepare a contained argv, explain denials.
export type { Capabilities, ResourceLimits, SandboxProfile, PreparedCommand, ProfileKind } from './sandbox-types.js';
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
