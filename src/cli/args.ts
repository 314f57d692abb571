// Reads nl-sh's command line the way bash reads its own, plus nl-sh's flags. Pure: argv in,
// a plan out. The launcher already sent non-interactive use to bash; this repeats the check so
// that `node dist/entry.js -c ...` behaves the same.

import { KEYS } from '../config/schema.js';
import { parseModelArgs, type ModelAction } from './model-args.js';

/** What nl-sh was asked to do. */
export type Invocation =
  | { kind: 'version' }
  | { kind: 'route'; explain: boolean }
  | { kind: 'risk'; explain: boolean }
  | { kind: 'suggest'; request: string; printCommand: boolean; showContext: boolean; json: boolean }
  | { kind: 'ask'; question: string; showContext: boolean; json: boolean }
  | { kind: 'doctor'; configFlags: Record<string, string>; modelSpeed: boolean }
  | { kind: 'config'; json: boolean; configFlags: Record<string, string> }
  | { kind: 'history'; args: string[] }
  | { kind: 'model'; action: ModelAction }
  | { kind: 'dry-run'; command: string; json: boolean }
  | { kind: 'help' }
  | { kind: 'exec-bash'; args: string[] }
  | { kind: 'error'; message: string }
  | { kind: 'interactive'; bashArgs: string[]; login: boolean; norc: boolean; noprofile: boolean; rcfile: string | undefined; configFlags: Record<string, string> };

const bashLongFlags = new Set(['--debugger', '--dump-po-strings', '--dump-strings', '--noediting', '--posix', '--pretty-print', '--restricted', '--verbose']);
const takesValue = new Set(['-o', '+o', '-O', '+O']);
// One flag per config key, from the config schema (`--privacy=cloud-allowed` or `--privacy cloud-allowed`).
const configFlagNames = new Set(Object.values(KEYS).map((k) => k.flag));

/** Decide from argv (without node and script) and whether stdin and stderr are terminals. */
export function parseInvocation(argv: string[], argv0: string, ttys: { stdin: boolean; stderr: boolean }, env: Record<string, string | undefined>): Invocation {
  const bashArgs: string[] = [];
  let login = argv0.startsWith('-');
  let norc = false;
  let noprofile = false;
  let rcfile: string | undefined;
  const configFlags: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(0, eq) : a;
    if (configFlagNames.has(name)) {
      const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
      if (value === undefined) return { kind: 'error', message: `${a}: needs a value, e.g. ${a}=VALUE (see 'nl-sh --config')` };
      configFlags[name] = value;
      continue;
    }
    if (a === '--' || a === '-') {
      if (i + 1 < argv.length) return { kind: 'exec-bash', args: argv };
      break;
    }
    if (a === '--version') return { kind: 'version' };
    if (a === '--doctor') return { kind: 'doctor', configFlags, modelSpeed: argv.slice(i + 1).includes('--model-speed') };
    if (a === '--config') return { kind: 'config', json: argv.slice(i + 1).includes('--json'), configFlags };
    if (a === '--history') return { kind: 'history', args: argv.slice(i + 1) };
    if (a === '--model') {
      const parsed = parseModelArgs(argv.slice(i + 1));
      return parsed.ok ? { kind: 'model', action: parsed.action } : { kind: 'error', message: parsed.message };
    }
    if (a === '--dry-run') {
      const rest = argv.slice(i + 1);
      const json = rest[0] === '--json';
      const command = (json ? rest.slice(1) : rest).join(' ').trim();
      if (command === '') return { kind: 'error', message: '--dry-run needs the command, e.g. --dry-run "rm *.log" (and --json before it for JSON)' };
      return { kind: 'dry-run', command, json };
    }
    if (a === '--route') return { kind: 'route', explain: argv.includes('--explain') };
    if (a === '--risk') return { kind: 'risk', explain: argv.includes('--explain') };
    if (a === '--suggest' || a === '--ask') {
      const words = argv.slice(i + 1).filter((w) => w !== '--print-command' && w !== '--show-context' && w !== '--json');
      const text = words.join(' ').trim();
      if (text === '') return { kind: 'error', message: `${a} needs the ${a === '--ask' ? 'question' : 'request'} as its argument, e.g. ${a} "find large files"` };
      const showContext = argv.includes('--show-context');
      const json = argv.includes('--json');
      return a === '--ask' ? { kind: 'ask', question: text, showContext, json } : { kind: 'suggest', request: text, printCommand: argv.includes('--print-command'), showContext, json };
    }
    if (a === '--help') return { kind: 'help' };
    if (a === '--login') login = true;
    else if (a === '--norc') norc = true;
    else if (a === '--noprofile') noprofile = true;
    else if (a === '--rcfile' || a === '--init-file') {
      rcfile = argv[++i];
      if (rcfile === undefined) return { kind: 'error', message: `${a}: option requires an argument` };
    } else if (bashLongFlags.has(a)) bashArgs.push(a);
    else if (a.startsWith('--')) return { kind: 'error', message: `${a}: invalid option (see 'nl-sh --help')` };
    else if (takesValue.has(a)) {
      const v = argv[++i];
      if (v === undefined) return { kind: 'error', message: `${a}: option requires an argument` };
      bashArgs.push(a, v);
    } else if (/^[-+][A-Za-z]+$/.test(a)) {
      const sign = a[0];
      for (const letter of a.slice(1)) {
        if (letter === 'c' && sign === '-') return { kind: 'exec-bash', args: argv };
        if (letter === 'l' && sign === '-') login = true;
        else if (letter === 'i' || letter === 's') continue;
        else if (letter === 'o' || letter === 'O') {
          const v = argv[++i];
          if (v === undefined) return { kind: 'error', message: `${sign}${letter}: option requires an argument` };
          bashArgs.push(`${sign}${letter}`, v);
        } else bashArgs.push(`${sign}${letter}`);
      }
    } else {
      // A script operand: bash runs the file non-interactively.
      return { kind: 'exec-bash', args: argv };
    }
  }
  if (env.TERM === 'dumb' || env.NLSH_DISABLE === '1') return { kind: 'exec-bash', args: argv };
  if (!(ttys.stdin && ttys.stderr)) return { kind: 'exec-bash', args: argv };
  return { kind: 'interactive', bashArgs, login, norc, noprofile, rcfile, configFlags };
}
