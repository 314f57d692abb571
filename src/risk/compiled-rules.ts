// The rules table made ready for lookups: regular expressions compiled once, wildcard
// subcommand keys turned into patterns. Built by `compileRules` after validation.

import { compilePaths, type CompiledPaths } from './paths.js';
import type { CommandRule, LanguageRules, RuleTable } from './rules/rule-types.js';

/** A language's code rules with compiled expressions. */
export interface CompiledLanguage {
  patterns: { re: RegExp; level: LanguageRules['patterns'][number]['level']; why: string }[];
  shellCalls: RegExp[];
  pure: LanguageRules['pure'];
  effects: RegExp[];
  modules: LanguageRules['modules'];
  shellCallsRaw: boolean;
}

/** A validated table, ready for the classifier. */
export interface CompiledRules {
  table: RuleTable;
  paths: CompiledPaths;
  aliases: { re: RegExp; name: string }[];
  languages: Record<keyof RuleTable['languages'], CompiledLanguage>;
  /** What unreadable code could do, by the names it uses (`opaque` in the table). */
  opaque: CompiledLanguage['patterns'];
  /** The rule for a command name, after aliases. */
  lookup(name: string): { name: string; rule: CommandRule } | undefined;
  /** The subcommand rule for a word, exact keys first, then `*` patterns in order. */
  subcommand(rule: CommandRule, word: string): CommandRule | undefined;
  /** A compiled regular expression for a rule's `match` source. */
  regex(source: string): RegExp;
}

/** Compile a table that `validateRules` accepted. */
export function compileRules(table: RuleTable): CompiledRules {
  const regexCache = new Map<string, RegExp>();
  const regex = (source: string): RegExp => {
    let re = regexCache.get(source);
    if (!re) {
      re = new RegExp(source);
      regexCache.set(source, re);
    }
    return re;
  };
  const patternCache = new WeakMap<CommandRule, { re: RegExp; rule: CommandRule }[]>();
  const aliases = table.nameAliases.map((a) => ({ re: new RegExp(`^(?:${a.match})$`), name: a.name }));
  const languages = {} as Record<keyof RuleTable['languages'], CompiledLanguage>;
  for (const [name, lang] of Object.entries(table.languages) as [keyof RuleTable['languages'], LanguageRules][]) {
    languages[name] = {
      patterns: lang.patterns.map((p) => ({ re: new RegExp(p.match, 'm'), level: p.level, why: p.why })),
      shellCalls: lang.shellCalls.map((s) => new RegExp(s, 'g')),
      pure: lang.pure,
      effects: (lang.effects ?? []).map((s) => new RegExp(s, 'm')),
      modules: lang.modules,
      shellCallsRaw: lang.shellCallsRaw ?? false,
    };
  }
  return {
    table,
    paths: compilePaths(table.paths),
    aliases,
    languages,
    opaque: table.opaque.map((p) => ({ re: new RegExp(p.match, 'm'), level: p.level, why: p.why })),
    lookup(name) {
      const direct = Object.hasOwn(table.commands, name) ? table.commands[name] : undefined;
      if (direct) return { name, rule: direct };
      for (const alias of aliases) {
        const m = alias.re.exec(name);
        if (!m) continue;
        const target = alias.name.replace('$1', m[1] ?? '');
        const rule = Object.hasOwn(table.commands, target) ? table.commands[target] : undefined;
        if (rule) return { name: target, rule };
      }
      return undefined;
    },
    subcommand(rule, word) {
      const subs = rule.subcommands;
      if (!subs) return undefined;
      if (Object.hasOwn(subs, word)) return subs[word];
      let patterns = patternCache.get(rule);
      if (!patterns) {
        patterns = Object.entries(subs)
          .filter(([key]) => key.includes('*'))
          .map(([key, sub]) => ({ re: new RegExp(`^${key.split('*').map(escapeRegex).join('.*')}$`), rule: sub }));
        patternCache.set(rule, patterns);
      }
      return patterns.find((p) => p.re.test(word))?.rule;
    },
    regex,
  };
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
