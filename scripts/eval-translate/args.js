// The command line of scripts/eval-translate.js, parsed into options or one error line.

const usage = 'usage: eval-translate.js TASKS.jsonl [--model GGUF | --tier NAME] [--bare] [--limit N] [--json] [--self]';

/** The options, or { error } naming what is wrong. */
export function parseEvalArgs(argv) {
  const opts = { json: false, bare: false, self: false };
  const rest = [...argv];
  while (rest.length > 0) {
    const a = rest.shift();
    if (a === '--json' || a === '--bare' || a === '--self') opts[a.slice(2)] = true;
    else if (a === '--model' || a === '--tier' || a === '--limit') {
      const v = rest.shift();
      if (v === undefined || v.startsWith('--')) return { error: `${a} needs a value; ${usage}` };
      opts[a.slice(2)] = v;
    } else if (a.startsWith('--')) return { error: `unknown option ${a}; ${usage}` };
    else if (opts.tasks === undefined) opts.tasks = a;
    else return { error: `one task file only; ${usage}` };
  }
  if (opts.tasks === undefined) return { error: usage };
  if (opts.limit !== undefined) {
    opts.limit = Number(opts.limit);
    if (!Number.isInteger(opts.limit) || opts.limit < 1) return { error: '--limit needs a whole number of tasks' };
  }
  if (!opts.self && (opts.model === undefined) === (opts.tier === undefined)) return { error: `give exactly one of --model GGUF or --tier NAME; ${usage}` };
  if (opts.self && (opts.model || opts.tier || opts.bare)) return { error: '--self checks the tasks and asks no model' };
  return opts;
}
