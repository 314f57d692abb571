// The model server's command line: `--socket PATH --idle-seconds N`, and for tests and tuning
// `--context-tokens N` and `--threads N`.

/** What the server was started with. */
export interface ServerArgs {
  socket: string;
  idleSeconds: number;
  contextTokens: number;
  /** 0: one less than the cores. */
  threads: number;
}

/** Parse argv (without node and the script); a string says what is wrong. */
export function parseServerArgs(argv: readonly string[]): ServerArgs | string {
  const args: ServerArgs = { socket: '', idleSeconds: 600, contextTokens: 4096, threads: 0 };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (value === undefined) return `${flag}: a value is missing`;
    if (flag === '--socket') args.socket = value;
    else if (flag === '--idle-seconds' || flag === '--context-tokens' || flag === '--threads') {
      const n = Number(value);
      if (!Number.isFinite(n) || n < 0) return `${flag}: expected a number, found ${value}`;
      if (flag === '--idle-seconds') args.idleSeconds = n;
      else if (flag === '--context-tokens') args.contextTokens = Math.max(256, Math.floor(n));
      else args.threads = Math.floor(n);
    } else return `unknown argument ${flag}`;
  }
  if (!args.socket.startsWith('/')) return '--socket: an absolute path is required';
  return args;
}
