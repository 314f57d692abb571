// Strict checks of what a plugin returned (already parsed from the JSON its isolate produced).
// Each check returns the value in its exact shape or a short reason; anything unexpected is
// garbage, so a plugin cannot smuggle long text, control characters or extra fields to nl-sh.

import { levels } from '../../level.js';
import { resultCaps, type PluginHook, type PluginRiskLevel, type PluginRule } from './plugin-contract.js';

/** A checked value, or why it is garbage. */
export type Checked<T> = { ok: true; value: T } | { ok: false; why: string };

const riskLevels = levels.filter((l): l is PluginRiskLevel => l !== 'read_only');
const controlChars = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const controlCharsAll = new RegExp(controlChars.source, 'g');
const nameRe = new RegExp(`^[A-Za-z0-9][A-Za-z0-9._-]{0,${resultCaps.nameChars - 1}}$`);
const wordRe = new RegExp(`^[^\\s]{1,${resultCaps.wordChars}}$`);

const fail = (why: string): { ok: false; why: string } => ({ ok: false, why });
const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const cleanText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length > 0 && v.length <= max && !controlChars.test(v);
const onlyKeys = (o: Record<string, unknown>, allowed: readonly string[]): string | undefined => Object.keys(o).find((k) => !allowed.includes(k));

/** What the plugin's default export declared: a name and the hooks it defines. */
export function checkDescription(v: unknown): Checked<{ name: string; hooks: PluginHook[] }> {
  if (!isPlainObject(v)) return fail('the default export is not an object');
  if (typeof v.name !== 'string' || !nameRe.test(v.name)) return fail(`its name must be 1-${resultCaps.nameChars} letters, digits, '.', '_' or '-'`);
  if (!Array.isArray(v.hooks) || !v.hooks.every((h) => h === 'detect' || h === 'context' || h === 'rules' || h === 'onCommandDone')) return fail('bad hook list');
  return { ok: true, value: { name: v.name, hooks: v.hooks as PluginHook[] } };
}

/** detect(cwd) must return a boolean. */
export function checkDetect(v: unknown): Checked<boolean> {
  return typeof v === 'boolean' ? { ok: true, value: v } : fail(`detect returned ${describe(v)}, not true or false`);
}

/** context() must return at most 20 facts, string → string, each at most 200 characters. */
export function checkFacts(v: unknown): Checked<Record<string, string>> {
  if (!isPlainObject(v)) return fail(`context returned ${describe(v)}, not an object of facts`);
  const entries = Object.entries(v);
  if (entries.length > resultCaps.facts) return fail(`context returned ${entries.length} facts, more than ${resultCaps.facts}`);
  const facts: Record<string, string> = {};
  for (const [key, value] of entries) {
    if (!cleanText(key, resultCaps.factChars)) return fail('a fact name is empty, too long or has control characters');
    if (typeof value !== 'string') return fail(`fact '${clip(key)}' is ${describe(value)}, not a string`);
    if (value.length > resultCaps.factChars || controlChars.test(value)) return fail(`fact '${clip(key)}' is longer than ${resultCaps.factChars} characters or has control characters`);
    facts[key] = value;
  }
  return { ok: true, value: facts };
}

/** rules() must return at most 50 rules of the exact PluginRule shape. */
export function checkRules(v: unknown): Checked<PluginRule[]> {
  if (!Array.isArray(v)) return fail(`rules returned ${describe(v)}, not an array`);
  if (v.length > resultCaps.rules) return fail(`rules returned ${v.length} rules, more than ${resultCaps.rules}`);
  const rules: PluginRule[] = [];
  for (const [i, r] of v.entries()) {
    if (!isPlainObject(r)) return fail(`rule ${i} is ${describe(r)}, not an object`);
    const extra = onlyKeys(r, ['program', 'verbs', 'level', 'why']);
    if (extra !== undefined) return fail(`rule ${i} has an unknown field '${clip(extra)}'`);
    if (typeof r.program !== 'string' || !wordRe.test(r.program) || controlChars.test(r.program)) return fail(`rule ${i}: program must be one word`);
    if (!riskLevels.includes(r.level as PluginRiskLevel)) return fail(`rule ${i}: level must be one of ${riskLevels.join(', ')}`);
    if (!cleanText(r.why, resultCaps.whyChars)) return fail(`rule ${i}: why must be 1-${resultCaps.whyChars} characters of plain text`);
    const verbs = r.verbs ?? [];
    if (!Array.isArray(verbs) || verbs.length > resultCaps.verbs || !verbs.every((w) => cleanText(w, resultCaps.wordChars) && w.trim() === w)) {
      return fail(`rule ${i}: verbs must be at most ${resultCaps.verbs} short strings`);
    }
    const rule: PluginRule = { program: r.program, level: r.level as PluginRiskLevel, why: r.why as string };
    if (verbs.length > 0) rule.verbs = [...(verbs as string[])];
    rules.push(rule);
  }
  return { ok: true, value: rules };
}

/** A short description of a value's kind, for reasons. */
export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

function clip(s: string): string {
  const safe = s.replace(controlCharsAll, '?');
  return safe.length > 40 ? `${safe.slice(0, 39)}…` : safe;
}
