// The public face of src/planner: the planner, its parts for wiring, and the backend interface.

export { createPlanner, type Planner, type PlannerDeps, type Suggestion, type SuggestOptions, type Answer } from './planner.js';
export { BackendError, type ModelBackend, type ModelRequest, type ModelReply, type Availability, type ChatMessage } from './model-backend.js';
export { planWithTiers, type Tier, type PlanAttempt, type PlanResult, type CloudBudget } from './tier-router.js';
export { type PlanReply, planReplySchema, parsePlanReply } from './plan-schema.js';
export { type PlannerContext, type LastCommand, type ContextSources, gatherContext } from './context.js';
export { localContextSources } from './context-sources.js';
export { fileCacheStore, planCacheKey, type PlanCacheStore } from './plan-cache.js';
export { fileCloudBudget } from './cloud-budget.js';
export { previewRequest, type TierPreview } from './context-preview.js';
export { refersToEarlierWork, type CloudHistory } from './context-need.js';
export { redactSecrets, secretEnvValues } from './redact.js';
export { neutralizeForDisplay } from './neutralize.js';
export type { CommandExample } from './examples.js';
