// Explaining a command from this machine rather than from the model: colour spans from the bash
// parser, each simple command's purpose from nl-sh's rules, each flag's line from the installed
// program's own `--help`. The model's words fill only the gaps, marked as the model's.

import type { PlanPart } from '../planner/plan-schema.js';
import type { BashParser, CommandRule, RuleTable } from '../risk/index.js';
import { commandParts, type CommandPart } from '../preview/command-parts.js';
import { explainFlags, type HelpSource } from '../preview/flag-help.js';
import type { PartLine, PartView } from '../preview/flow-events.js';
import { highlightSpans } from '../preview/highlight.js';
import type { Grounding } from './flow-deps.js';

// Programs whose `--help` is never run: they might act instead of printing help (busybox's
// poweroff ignores its arguments), or they change users.
const neverAsked = new Set(['reboot', 'poweroff', 'halt', 'shutdown', 'init', 'telinit', 'kill', 'killall', 'pkill', 'su', 'sudo', 'doas', 'login', 'xargs', 'exec', 'eval', 'source']);

/** The programs whose `--help` may be run: known to the rules, not privileged, not in the list above. */
export function helpAllowlist(table: RuleTable): Set<string> {
  const names = Object.entries(table.commands).filter(([name, rule]) => rule.level !== 'privileged' && /^[A-Za-z0-9][A-Za-z0-9._+-]*$/.test(name) && !neverAsked.has(name));
  return new Set(names.map(([name]) => name));
}

/** Ground `command` in the parser, the rules and local help; never throws (a failing piece is left out). */
export async function groundCommand(command: string, modelParts: readonly PlanPart[], parser: BashParser, table: RuleTable, help: HelpSource): Promise<Grounding> {
  let spans: Grounding['spans'];
  let parts: CommandPart[] = [];
  try {
    spans = highlightSpans(parser, command);
    parts = commandParts(parser, command);
  } catch {
    return { parts: [] };
  }
  const used = new Set<PlanPart>();
  const views = await Promise.all(parts.slice(0, 12).map((part) => partView(part, modelParts, used, table, help)));
  const rest = modelParts.filter((p) => !used.has(p));
  if (rest.length > 0) views.push({ text: 'the model adds', lines: rest.map((p) => ({ subject: p.part, text: p.explanation, source: 'model' as const })) });
  return { spans, parts: views };
}

/** What the rules say the command does, down its subcommands (`git status`, not git's usage line). */
function purposeOf(rule: CommandRule, args: readonly string[]): string {
  let current = rule;
  let rest = args;
  for (;;) {
    // The first word that is neither an option nor an option's value (`git -C repo status`).
    const withValue = new Set(current.options?.withValue ?? []);
    const word = rest.find((a, i) => !a.startsWith('-') && !withValue.has(rest[i - 1] ?? ''));
    const sub = word !== undefined && current.subcommands && Object.hasOwn(current.subcommands, word) ? current.subcommands[word] : undefined;
    if (!sub || word === undefined) return args.length === 0 && current.noArgs ? current.noArgs.why : current.why;
    current = sub;
    rest = rest.slice(rest.indexOf(word) + 1);
  }
}

async function partView(part: CommandPart, modelParts: readonly PlanPart[], used: Set<PlanPart>, table: RuleTable, help: HelpSource): Promise<PartView> {
  const lines: PartLine[] = [];
  const rule = part.program ? table.commands[part.program] : undefined;
  if (rule) lines.push({ subject: '', text: purposeOf(rule, part.args), source: 'rules' });
  const flags = part.program && !part.wrapped ? await explainFlags(help, part.program, part.flags) : [];
  for (const f of flags) lines.push({ subject: f.flag, text: f.text, source: 'help', program: part.program });
  // The model's explanation of this part or of a flag the help did not cover.
  for (const m of modelParts) {
    if (used.has(m)) continue;
    const about = m.part.trim();
    const isThisPart = about === part.text.trim() || (part.program !== undefined && about === part.program);
    const isOpenFlag = part.flags.includes(about) && !flags.some((f) => f.flag === about);
    if (isThisPart || isOpenFlag) {
      used.add(m);
      lines.push({ subject: isThisPart ? '' : about, text: m.explanation, source: 'model' });
    }
  }
  return { text: part.text, lines };
}
