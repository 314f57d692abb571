// One error type for everything nl-sh reports to a person: a short message, what it was doing,
// the cause, and a hint of what to do next (STYLE.md practice 9).

export interface NlshErrorFields {
  /** What went wrong, in one short line. */
  message: string;
  /** What nl-sh was doing, e.g. "reading ~/.config/nl-sh/config.toml". */
  doing?: string;
  /** What to do next. */
  hint?: string;
  cause?: unknown;
}

/** The error every nl-sh part throws when a person should read it. */
export class NlshError extends Error {
  readonly doing: string | undefined;
  readonly hint: string | undefined;

  constructor(fields: NlshErrorFields) {
    super(fields.message, fields.cause === undefined ? undefined : { cause: fields.cause });
    this.name = 'NlshError';
    this.doing = fields.doing;
    this.hint = fields.hint;
  }
}

const errnoWords: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
  EISDIR: 'is a directory',
  ENOTDIR: 'not a directory',
  EEXIST: 'already exists',
  ECONNREFUSED: 'connection refused',
  ETIMEDOUT: 'timed out',
};

/** A short human phrase for any thrown value (errno codes become words). */
export function describeError(err: unknown): string {
  if (err instanceof NlshError) return err.message;
  if (err && typeof err === 'object' && 'code' in err && typeof err.code === 'string') {
    const words = errnoWords[err.code];
    if (words) return words;
  }
  if (err instanceof Error) return err.message.split('\n')[0] ?? String(err);
  return String(err);
}

/** One line for stderr: "nl-sh: <message> (<doing>); <hint>". */
export function formatErrorLine(err: unknown): string {
  const message = describeError(err);
  if (err instanceof NlshError) {
    const doing = err.doing ? ` while ${err.doing}` : '';
    const hint = err.hint ? `; ${err.hint}` : '';
    return `nl-sh: ${message}${doing}${hint}`;
  }
  return `nl-sh: ${message}`;
}
