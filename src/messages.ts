// The one catalogue of what nl-sh says to the person at the terminal during a session: each
// message says what happened (naming the tier, the program or the file, and the cause) and what
// to do next, in one line (a second, indented line only for a cause too long to fit). Callers
// pass facts; the words live here, so the same event is always said the same way.

/** Why a request got no plan: every tier absent or skipped, or tiers that failed. */
export interface ModelFailure {
  /** Every tier was missing, unreachable or skipped: nothing could be asked. */
  noTier: boolean;
  /** The planner's account, tier by tier (`small: unavailable (Ollama is not running …)`). */
  message: string;
}

/** What the session knows when a request gets no plan. */
export interface ModelFailureContext {
  /** The user configured tiers (as opposed to nl-sh's built-in default). */
  configured: boolean;
  /** A model answered earlier in this session. */
  answeredBefore: boolean;
  /** The setup help was already shown in this session. */
  setupExplained: boolean;
}

const prefix = 'nl-sh: ';
const doctor = '`nl-sh --doctor` checks each tier';

/** The messages, by event. */
export const messages = {
  /** No plan: names the tiers and causes; the setup help only when nothing was ever set up. */
  modelFailed(f: ModelFailure, ctx: ModelFailureContext): string {
    if (!f.noTier || ctx.configured || ctx.answeredBefore) return `${prefix}${f.message}. The line did not run; ${doctor}.`;
    if (ctx.setupExplained) return `${prefix}no model available (${f.message}); the line did not run. \`nl-sh --doctor\` checks the setup.`;
    return `${prefix}no model is set up, so the line did not run. Run \`nl-sh --model pull\` for nl-sh's own local model, or install Ollama and \`ollama pull qwen2.5-coder:7b\`, or configure Bedrock (README: Models).\r\n       (${f.message})`;
  },
  /** The sandbox a run needs cannot start here. */
  sandboxUnavailable: (reason: string): string => `${prefix}the sandbox cannot run here: ${reason}. The line is back for you to edit; \`nl-sh --doctor\` says what is missing.`,
  /** A reply on the control channel that did not carry this session's key. */
  forgedRequest: (): string => `${prefix}refused a request that did not come from this shell (something wrote into its channel); if it repeats, start a new nl-sh.`,
  /** The control channel could not be opened: routing is off for the session. */
  channelUnavailable: (cause: string): string => `${prefix}control channel unavailable (${cause}); lines go straight to bash for this session. Start a new nl-sh to route again.`,
  /** The decider threw: the line runs as typed, as bash would. */
  decideFailed: (cause: string): string => `${prefix}could not decide on the line (${cause}); it ran as typed. Report this with \`nl-sh --doctor\`'s output.`,
  /** The flow failed after it took the line: the line is left for editing. */
  flowFailed: (cause: string): string => `${prefix}${cause}; the line was left for you to edit (press Enter to try again).`,
  /** After `command not found`: a near-miss of a known command. */
  typoOffer: (suggestion: string): string => `${prefix}did you mean \`${suggestion}\`? Press Enter to edit it.`,
  /** After `command not found`: no near miss. */
  askOffer: (): string => `${prefix}not a command here. Press Enter to ask the model what you meant.`,
  /** A paste holding a line for the model, when no chooser can be shown. */
  pasteNotRun: (): string => `${prefix}the pasted lines did not run (they hold a line for the model); paste the shell lines alone, or type the request`,
  /** The paste chooser was cancelled. */
  pasteCancelled: (): string => `${prefix}the paste was cancelled; nothing of it ran`,
  /** A file nl-sh records into cannot be written. */
  cannotRecord: (what: string, file: string, cause: string): string => `${prefix}cannot write the ${what} ${file} (${cause}); requests still work but are not recorded${recordAdvice(cause)}`,
  /** nl-sh itself could not start: the user gets plain bash. */
  cannotStart: (why: string): string => `${prefix}cannot start (${why}); starting plain bash (see 'nl-sh --doctor')`,
  /** Keys typed or pasted before a choice appeared, dropped. */
  ignoredKeys: (n: number): string => `ignored ${n} key${n === 1 ? '' : 's'} typed before this choice appeared (or pasted): answer it now`,
  /** Keys typed or pasted while nl-sh decided on a line, not given back to bash (they would glue onto a returned line). */
  droppedTypedAhead(lines: number, keys: number): string {
    const what = lines > 0 ? `${lines} line${lines === 1 ? '' : 's'}` : `${keys} key${keys === 1 ? '' : 's'}`;
    return `${prefix}dropped ${what} typed or pasted while nl-sh was deciding (nothing of it ran); type ${lines > 1 ? 'them' : 'it'} again at the prompt`;
  },
  /** A tier that failed before another answered (a missing model file, a stopped server): said once, with the cause. */
  tierFellThrough: (tier: string, cause: string, answeredBy: string): string => `${prefix}tier ${tier} could not answer (${cause}); ${answeredBy} answered instead. ${doctor}.`,
  /** A plan below the tier's confidence threshold. */
  lowConfidence: (): string => 'the model was not confident in this plan: Enter cancels; r runs it',
  /** An always-allow rule that could not be stored. */
  rememberFailed: (cause: string): string => `could not remember the approval (${cause}); running it this once`,
};

// What to do about a file that cannot be written, from the cause's words.
function recordAdvice(cause: string): string {
  if (/no space/i.test(cause)) return ': free some space on that disk';
  if (/permission denied|not a directory/i.test(cause)) return ": check that path's owner and permissions";
  return '';
}
