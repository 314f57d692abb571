// The public face of src/repl for the composition root.

export { startSession, type Session, type SessionOptions } from './session.js';
export { processTerminal, type OuterTerminal } from './outer-terminal.js';
export { spawnInPty } from './pty/pty-host.js';
export { renderTerminalText } from './pty/screen-text.js';
export { type LineDecider, type LineDecision, type LineContext } from './line-decision.js';
export { createLineDecider, type LineDeciderParts } from './line-decider.js';
export { CommandTable, DEFAULT_ROUTE_CONFIG, formatRouteLines, gatherBashFacts, type RouteConfig } from './router/index.js';
export { appendHistory, readHistory, searchHistory, type HistoryEntry, type HistoryQuery } from './request-history.js';
export { createAuditLog, type AuditLog, type AuditEvent } from './audit-log.js';
