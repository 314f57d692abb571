// The one signature every analyzer has: the command as the rule engine read it, in, what it
// writes to stdout (or undefined for the rule's default), out. Findings go through `report`.

import type { ParsedArgs } from '../argv.js';
import type { Content } from '../content.js';
import type { Level } from '../../level.js';
import type { CommandRule } from '../rules/rule-types.js';
import type { Ctx } from '../walk-context.js';
import type { Word } from '../words.js';

/** One command handed to an analyzer. */
export interface AnalyzerCall {
  /** The command and subcommands, e.g. `git push`. */
  name: string;
  rule: CommandRule;
  /** The words after the command (and subcommands). */
  args: readonly Word[];
  parsed: ParsedArgs;
  ctx: Ctx;
  /** The level the rule reached before the analyzer. */
  level: Level;
}

/** Code for what the rules table cannot express as data. */
export type Analyzer = (call: AnalyzerCall) => Content | undefined;
