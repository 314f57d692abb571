// The one error type of the model server: a wire failure kind, a message and a hint, sent to the
// client as an `error` line.

import type { WireFailureKind } from '../model-wire.js';

/** A failure the server reports to its client. */
export class EngineError extends Error {
  constructor(
    readonly kind: WireFailureKind,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'EngineError';
  }
}
