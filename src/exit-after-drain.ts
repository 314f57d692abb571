// The one way nl-sh's process ends: after stdout and stderr have handed everything to the OS.
// process.exit() does not wait for a pipe: Node writes to a full pipe asynchronously, so
// `nl-sh --risk | wc -l` lost everything the reader had not taken yet (413 of 5,000 lines).

/** Exit with `status` once every pending write to stdout and stderr has reached the OS. */
export async function exitAfterDrain(status: number): Promise<never> {
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  process.exit(status);
}

/** End quietly when the reader of stdout goes away (`nl-sh --risk | head -1`), as a program killed by SIGPIPE would. */
export function exitQuietlyOnBrokenPipe(): void {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(128 + 13);
    throw err;
  });
}

function flushed(stream: NodeJS.WriteStream): Promise<void> {
  if (stream.destroyed || stream.writableLength === 0) return Promise.resolve();
  // An empty write completes only after every write queued before it.
  return new Promise((resolve) => {
    stream.write('', () => resolve());
  });
}
