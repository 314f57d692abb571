// The places where bash evaluates text nl-sh might take for data: arithmetic (`$((v))`, `let`,
// `(( ))`, subscripts, `[[ a -eq b ]]`), which recurses into the values of the variables it
// names; subscripts of names given to builtins (`read 'a[$(cmd)]'`, `test -v`, `printf -v`,
// `unset`, `declare`, namerefs, `${!n}`), whose `$(...)` runs; and prompt expansion (`${p@P}`).
// A value nl-sh knows is judged as the code it becomes. A value only known at run time is left
// alone: it came from a command the gate already judged.

import { report, type Ctx } from './walk-context.js';

/** How to read a variable while evaluating (undefined: only known at run time). */
export type Lookup = (name: string) => string | undefined;

// What well-known variables stand for when the line does not set them: the user's own home,
// shell, editor and pager (judged as their usual programs), and the default IFS.
const conventionalValues: Readonly<Record<string, string>> = Object.freeze({ HOME: '~', SHELL: 'bash', EDITOR: 'vi', VISUAL: 'vi', PAGER: 'less', IFS: ' \t\n' });

/** Variable lookup as bash does it here: namerefs resolve (evaluating a subscript), well-known names have their usual values. */
export function lookupIn(ctx: Ctx): Lookup {
  const lookup = (name: string, hops = 0): string | undefined => {
    const target = ctx.scope.refs.get(name);
    if (target !== undefined && hops < 8) {
      nameOperand(target, lookup, ctx, `${name} → ${target}`);
      return subscriptOf(target) === undefined ? lookup(target, hops + 1) : undefined;
    }
    if (ctx.scope.vars.has(name)) return ctx.scope.vars.get(name);
    return conventionalValues[name];
  };
  return (name) => lookup(name);
}

const plainNumber = /^\s*[-+]?\s*(0[xX][0-9a-fA-F]+|[0-9]+(#[0-9a-zA-Z@_]+)?)\s*$/;

/**
 * Arithmetic text from the line itself (`$((x+1))`, a subscript): its `$(...)` are walked with the
 * rest of the line, so only the variables it names are evaluated, as bash does, recursively.
 */
export function arithmeticFromSource(text: string, lookup: Lookup, ctx: Ctx): void {
  for (const name of arithmeticNames(stripSubstitutions(text))) evaluateVariable(name, lookup, ctx);
}

/**
 * Text that bash evaluates as arithmetic although it reached the command as data (a quoted
 * word, a variable's value): any `$(...)` in it runs, and the variables it names are evaluated.
 */
export function arithmeticFromValue(text: string, lookup: Lookup, ctx: Ctx, how: string): void {
  if (/\$\(|`|\$\{|\$[A-Za-z_]/.test(text)) {
    ctx.run.runCode({ kind: 'text', text: `: ${text}`, from: how }, 'shell', { ...ctx, depth: ctx.depth + 1 }, how);
  }
  for (const name of arithmeticNames(stripSubstitutions(text))) evaluateVariable(name, lookup, ctx);
}

/** A name given to a builtin that assigns or tests it: its subscript, if any, is arithmetic. */
export function nameOperand(text: string, lookup: Lookup, ctx: Ctx, how: string): void {
  const subscript = subscriptOf(text);
  if (subscript !== undefined) arithmeticFromValue(subscript, lookup, ctx, how);
}

/** `NAME[SUB]` → SUB; undefined for a plain name (or text that is not a name at all). */
export function subscriptOf(text: string): string | undefined {
  const m = /^[A-Za-z_][A-Za-z0-9_]*\[(.*)\]$/s.exec(text);
  return m ? m[1] : undefined;
}

/** `${p@P}`: the value is expanded like a prompt, so its `$(...)` run. */
export function promptExpansion(name: string, value: string | undefined, assigned: boolean, ctx: Ctx): void {
  const how = `\${${name}@P}`;
  if (value !== undefined) {
    if (/\$\(|`/.test(value)) ctx.run.runCode({ kind: 'text', text: `: "${value}"`, from: how }, 'shell', { ...ctx, depth: ctx.depth + 1 }, how);
    return;
  }
  report(ctx, assigned ? 'destructive' : 'writes', 'dynamic', how, `expands ${name} like a prompt, running any $(...) in a value only known at run time`);
}

function evaluateVariable(ref: { name: string; subscript: string | undefined }, lookup: Lookup, ctx: Ctx): void {
  if (ref.subscript !== undefined) arithmeticFromSource(ref.subscript, lookup, ctx);
  const value = lookup(ref.name);
  if (value === undefined || plainNumber.test(value) || value.trim() === '') return;
  const seen = ctx.env.arithmetic;
  if (seen.has(ref.name)) return;
  seen.add(ref.name);
  try {
    arithmeticFromValue(value, lookup, ctx, `${ref.name}=${value}`);
  } finally {
    seen.delete(ref.name);
  }
}

/** The variables an arithmetic expression names, each with its subscript text. */
function arithmeticNames(text: string): { name: string; subscript: string | undefined }[] {
  const out: { name: string; subscript: string | undefined }[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (/[0-9]/.test(c)) {
      // A number, in any base (`0x1f`, `2#101`, `64#a_Z`): not a name.
      const m = /^[0-9][0-9a-zA-Z]*(#[0-9a-zA-Z@_]+)?/.exec(text.slice(i));
      i += m ? m[0].length : 1;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      const name = (/^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i)) as RegExpExecArray)[0];
      i += name.length;
      let subscript: string | undefined;
      if (text[i] === '[') {
        const close = matching(text, i, '[', ']');
        subscript = text.slice(i + 1, close < 0 ? text.length : close);
        i = close < 0 ? text.length : close + 1;
      }
      out.push({ name, subscript });
      continue;
    }
    i++;
  }
  return out;
}

/** The text with `$(...)` and backquoted parts removed (they are walked as commands). */
function stripSubstitutions(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '$' && text[i + 1] === '(') {
      const close = matching(text, i + 1, '(', ')');
      if (close < 0) break;
      i = close;
      out += ' 0 ';
    } else if (text[i] === '`') {
      const close = text.indexOf('`', i + 1);
      if (close < 0) break;
      i = close;
      out += ' 0 ';
    } else if (text[i] === '$' && text[i + 1] === '{') {
      const close = matching(text, i + 1, '{', '}');
      if (close < 0) break;
      out += ` ${text.slice(i + 2, close).replace(/^[!#]/, '')} `;
      i = close;
    } else if (text[i] === '$') {
      out += ' ';
    } else {
      out += text[i];
    }
  }
  return out;
}

function matching(text: string, open: number, opener: string, closer: string): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === opener) depth++;
    else if (text[i] === closer && --depth === 0) return i;
  }
  return -1;
}
