// The core of `nl-sh --risk`: read commands (one per line, or a JSON object with a `cmd` field
// so that here-docs fit on one line), classify each, decide its action, and print one JSON
// object per command, or a readable explanation.

import { decideAction, type Policy } from './policy/policy.js';
import { formatReason, type Assessment } from './assessment.js';
import { loadRiskClassifier, type GateFacts, type RiskClassifier } from './assess.js';

/** Options for `runRiskCli`. */
export interface RiskCliOptions {
  /** Readable output instead of JSON lines. */
  explain: boolean;
  policy: Policy;
  /** Facts about this machine and extra rules (as a session has); absent when judging commands for elsewhere. */
  facts?: GateFacts | undefined;
  /** A loaded classifier (loaded on demand when absent). */
  classifier?: RiskClassifier | undefined;
}

/** Classify every command in `input`; returns the text to print (ends with a newline when not empty). */
export async function runRiskCli(input: string, options: RiskCliOptions): Promise<string> {
  const classifier = options.classifier ?? (await loadRiskClassifier());
  const out: string[] = [];
  for (const cmd of readCommands(input)) {
    const assessment = classifier.assess(cmd, options.facts);
    const decision = decideAction(assessment, options.policy);
    out.push(options.explain ? explain(cmd, assessment, decision.action, decision.why) : JSON.stringify(toRecord(cmd, assessment, decision.action)));
  }
  return out.length === 0 ? '' : `${out.join(options.explain ? '\n\n' : '\n')}\n`;
}

/** The commands in the input: a line that parses as JSON with a string `cmd` is that command. */
export function readCommands(input: string): string[] {
  const commands: string[] = [];
  for (const line of input.split('\n')) {
    if (line.trim() === '') continue;
    const trimmed = line.trim();
    if (trimmed.startsWith('{')) {
      try {
        const parsed: unknown = JSON.parse(trimmed);
        if (parsed && typeof parsed === 'object' && typeof (parsed as { cmd?: unknown }).cmd === 'string') {
          commands.push((parsed as { cmd: string }).cmd);
          continue;
        }
      } catch {
        // Not JSON: a shell line that starts with a brace group.
      }
    }
    commands.push(line);
  }
  return commands;
}

function toRecord(cmd: string, a: Assessment, action: string): Record<string, unknown> {
  return { cmd, level: a.level, action, reasons: a.reasons.map(formatReason), dynamic: a.dynamic, unknown: a.unknown, unparsable: a.unparsable };
}

function explain(cmd: string, a: Assessment, action: string, why: string): string {
  const lines = [`$ ${cmd.replace(/\n/g, '\n  ')}`, `  level:  ${a.level}`, `  action: ${action} (${why})`];
  const notes = [a.dynamic ? 'parts are only known at run time' : '', a.unknown ? 'some commands are not in the rules' : '', a.unparsable ? 'the parser could not read all of it' : ''].filter(Boolean);
  if (notes.length > 0) lines.push(`  note:   ${notes.join('; ')}`);
  if (a.reasons.length > 0) lines.push('  why:');
  for (const r of a.reasons) lines.push(`    - [${r.level}${r.kind === 'rule' ? '' : `, ${r.kind}`}] ${formatReason(r)}`);
  return lines.join('\n');
}
