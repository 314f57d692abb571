// `nl-sh --model ...`: its subcommands read from argv. Pure.

/** One model-management action. */
export type ModelAction = { verb: 'pull'; ifMissing: boolean } | { verb: 'list' } | { verb: 'use'; path: string } | { verb: 'rm'; target: string };

/** The usage line shown for a bad `--model` invocation. */
export const MODEL_USAGE = '--model needs one of: pull [--if-missing], list, use FILE.gguf, rm NAME|PATH';

/** The action `args` (the words after --model) ask for, or one line saying what is wrong. */
export function parseModelArgs(args: string[]): { ok: true; action: ModelAction } | { ok: false; message: string } {
  const [verb, ...rest] = args;
  const bad = (why: string): { ok: false; message: string } => ({ ok: false, message: `${why}; ${MODEL_USAGE}` });
  switch (verb) {
    case 'pull':
      if (rest.length > 1 || (rest.length === 1 && rest[0] !== '--if-missing')) return bad(`--model pull: unexpected ${rest.join(' ')}`);
      return { ok: true, action: { verb: 'pull', ifMissing: rest[0] === '--if-missing' } };
    case 'list':
      return rest.length === 0 ? { ok: true, action: { verb: 'list' } } : bad(`--model list: unexpected ${rest.join(' ')}`);
    case 'use':
    case 'rm':
      if (rest.length !== 1 || rest[0] === '') return bad(`--model ${verb} needs exactly one ${verb === 'use' ? 'FILE.gguf' : 'NAME or PATH'}`);
      return { ok: true, action: verb === 'use' ? { verb, path: rest[0] as string } : { verb, target: rest[0] as string } };
    case undefined:
      return bad('--model: no subcommand');
    default:
      return bad(`--model: unknown subcommand ${verb}`);
  }
}
