// Test support: a plan reply as a model gives it (the JSON the planner's schema asks for).

/** A confident plan for `command`, with `more` fields overriding the defaults. */
export const plan = (command: string, more: Record<string, unknown> = {}) => ({ command, explanation: `runs ${command}`, parts: [], assumptions: [], needs_network: false, needs_root: false, confidence: 0.9, ...more });
