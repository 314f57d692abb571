// A leaf shared by the risk gate (which profile a verdict calls for) and the sandbox (what each
// profile allows), so neither imports the other.

/** Which sandbox profile an approved command runs in. */
export type ProfileKind = 'read-only' | 'writes' | 'process-control';
