// The registry of pure-code readers (one per language family, one signature), and the check that
// a module a proven-pure one-liner imports is not planted in the working directory.

import { posix } from 'node:path';
import type { PureForms, PureReader } from '../rules/rule-types.js';
import type { Ctx } from '../walk-context.js';
import { readNode } from './pure-node.js';
import { readPerl } from './pure-perl.js';
import { readPython } from './pure-python.js';
import { impure, pureSets, type PureReaderFn, type PureSets, type PureVerdict } from './pure-tokens.js';

// Modules python finds before the module path: built in (sys.builtin_module_names) or frozen.
const unshadowable = new Set(['sys', 'builtins', 'errno', 'gc', 'itertools', 'marshal', 'posix', 'pwd', 'time', 'atexit', 'faulthandler', 'abc', 'codecs', 'io', 'os', 'site', 'stat', 'posixpath', 'genericpath']);

const readers: Readonly<Record<Exclude<PureReader, 'effects'>, PureReaderFn>> = Object.freeze({ python: readPython, node: readNode, perl: readPerl });
const setsCache = new WeakMap<PureForms, PureSets>();

/** Whether `code` is inside the language's allow-list of pure forms (the `effects` reader is code-scan's). */
export function provePure(forms: PureForms, code: string): PureVerdict {
  if (forms.reader === 'effects') return impure('code nl-sh reads only by its effects');
  let sets = setsCache.get(forms);
  if (!sets) {
    sets = pureSets(forms);
    setsCache.set(forms, sets);
  }
  return readers[forms.reader](code, sets);
}

/**
 * A python module the code imports that the working directory would shadow (`json.py`, `json/`).
 * `python -c` and `-m` put the working directory first on the module path, so a planted `json.py`
 * runs instead of the real one. With filesystem facts (a session) the directory is checked: a
 * read-only run happens in the sandbox, where a file planted after the check can read but not
 * change anything, so the check is enough. Without facts nothing is proven: only modules built
 * into the interpreter or frozen in it (which the directory cannot replace) pass.
 */
export function shadowedModule(modules: readonly string[], ctx: Ctx): string | undefined {
  const facts = ctx.env.facts;
  const cwd = ctx.scope.cwd ?? facts?.cwd;
  if (!facts || cwd === undefined) {
    const replaceable = modules.map((m) => m.split('.')[0] ?? m).find((top) => !unshadowable.has(top));
    return replaceable === undefined ? undefined : `a ${replaceable}.py in the working directory (nl-sh cannot see it)`;
  }
  for (const module of modules) {
    const top = module.split('.')[0] ?? module;
    for (const candidate of [`${top}.py`, `${top}.pyc`, `${top}/__init__.py`]) if (facts.exists(posix.join(cwd, candidate))) return posix.join(cwd, candidate);
  }
  for (const startup of ['sitecustomize.py', 'usercustomize.py']) if (facts.exists(posix.join(cwd, startup))) return posix.join(cwd, startup);
  return undefined;
}
