// The structured reply a model must give for a request: one schema, sent to the model (Ollama
// `format`, Bedrock tool use) and checked here, because a model's JSON is untrusted data.

import type { JsonSchema } from './model-backend.js';

/** One part of the command and what it does, as the model explains it. */
export interface PlanPart {
  part: string;
  explanation: string;
}

/** The model's proposal: never trusted, never run from here. */
export interface PlanReply {
  command: string;
  explanation: string;
  parts: PlanPart[];
  assumptions: string[];
  needsNetwork: boolean;
  needsRoot: boolean;
  /** The model's own confidence, 0 to 1. */
  confidence: number;
}

const MAX_COMMAND = 4000;
const MAX_TEXT = 2000;
const MAX_LIST = 20;

const COMMAND = { type: 'string', description: 'One bash command line that does what was asked.' };
const CONFIDENCE = { type: 'number', minimum: 0, maximum: 1, description: 'How sure you are that the command does what was asked.' };

/** The JSON schema the models are asked to follow. */
export const planReplySchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['command', 'explanation', 'parts', 'assumptions', 'needs_network', 'needs_root', 'confidence'],
  properties: {
    command: COMMAND,
    explanation: { type: 'string', description: 'One or two sentences: what the command does.' },
    parts: {
      type: 'array',
      maxItems: MAX_LIST,
      description: 'Each program, option or operator in the command and what it does.',
      items: { type: 'object', additionalProperties: false, required: ['part', 'explanation'], properties: { part: { type: 'string' }, explanation: { type: 'string' } } },
    },
    assumptions: { type: 'array', maxItems: MAX_LIST, items: { type: 'string' }, description: 'What was assumed about the request or the system.' },
    needs_network: { type: 'boolean' },
    needs_root: { type: 'boolean' },
    confidence: CONFIDENCE,
  },
};

/** Confidence levels a small model picks from: a free number lets it loop on digits (0.000000…) until its token limit. */
export const COMPACT_CONFIDENCE_LEVELS = [0.1, 0.3, 0.5, 0.7, 0.9] as const;

/** The schema for small local models: only what nl-sh cannot find out itself, so few tokens to generate,
 * each field bounded so a grammar-constrained reply always ends within its token limit. */
export const compactPlanReplySchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['command', 'explanation', 'confidence'],
  properties: {
    command: { ...COMMAND, maxLength: 300 },
    // Bounded so a grammar-constrained small model must close the sentence: unbounded, a 270M
    // model repeats itself until the token limit and the reply never parses.
    explanation: { type: 'string', maxLength: 100, description: 'One short sentence: what the command does.' },
    // Levels, as an enum: a grammar cannot bound a number's range or digits, and a 270M model
    // wrote 1000000000000000 twice in a row (no plan); with the enum it can only pick one of these.
    confidence: { enum: [...COMPACT_CONFIDENCE_LEVELS], description: CONFIDENCE.description },
  },
};

/** The schema for a reply style. */
export const planSchemaFor = (style: 'full' | 'compact'): JsonSchema => (style === 'compact' ? compactPlanReplySchema : planReplySchema);

/** A reply, or what is wrong with it (in words that can go back to the model for a repair). */
export type PlanParse = { ok: true; reply: PlanReply } | { ok: false; problem: string };

/** The first JSON object in `text` (models sometimes wrap it in prose or code fences). */
function extractJson(text: string): unknown {
  const trimmed = text.trim();
  try {
    return JSON.parse(trimmed);
  } catch {
    const start = trimmed.indexOf('{');
    const end = trimmed.lastIndexOf('}');
    if (start < 0 || end <= start) throw new Error('the reply contains no JSON object');
    return JSON.parse(trimmed.slice(start, end + 1));
  }
}

function text(value: unknown, key: string, max: number): string {
  if (typeof value !== 'string') throw new Error(`"${key}" must be a string`);
  if (value.length > max) throw new Error(`"${key}" is longer than ${max} characters`);
  return value;
}

/** Parse and check a model's reply text against the schema of `style` (a compact reply leaves out parts, assumptions and the network/root flags). */
export function parsePlanReply(raw: string, style: 'full' | 'compact' = 'full'): PlanParse {
  let data: unknown;
  try {
    data = extractJson(raw);
  } catch (err) {
    return { ok: false, problem: `the reply is not valid JSON (${(err as Error).message})` };
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return { ok: false, problem: 'the reply must be a JSON object' };
  const o = data as Record<string, unknown>;
  try {
    const command = text(o.command, 'command', MAX_COMMAND).trim();
    if (command === '') throw new Error('"command" is empty');
    // Escape sequences or other control characters could act on a terminal or hide what runs.
    if (/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(command)) throw new Error('"command" contains control characters');
    const parts = o.parts ?? [];
    if (!Array.isArray(parts) || parts.length > MAX_LIST) throw new Error(`"parts" must be a list of at most ${MAX_LIST}`);
    const assumptions = o.assumptions ?? [];
    if (!Array.isArray(assumptions) || assumptions.length > MAX_LIST) throw new Error(`"assumptions" must be a list of at most ${MAX_LIST}`);
    const confidence = o.confidence;
    if (typeof confidence !== 'number' || !(confidence >= 0 && confidence <= 1)) throw new Error('"confidence" must be a number from 0 to 1');
    for (const key of ['needs_network', 'needs_root']) {
      if (style === 'compact' && o[key] === undefined) o[key] = false;
      if (typeof o[key] !== 'boolean') throw new Error(`"${key}" must be true or false`);
    }
    return {
      ok: true,
      reply: {
        command,
        explanation: text(o.explanation ?? '', 'explanation', MAX_TEXT),
        parts: parts.map((p, i) => {
          if (!p || typeof p !== 'object') throw new Error(`"parts[${i}]" must be an object`);
          const q = p as Record<string, unknown>;
          return { part: text(q.part, `parts[${i}].part`, MAX_TEXT), explanation: text(q.explanation, `parts[${i}].explanation`, MAX_TEXT) };
        }),
        assumptions: assumptions.map((a, i) => text(a, `assumptions[${i}]`, MAX_TEXT)),
        needsNetwork: o.needs_network as boolean,
        needsRoot: o.needs_root as boolean,
        confidence,
      },
    };
  } catch (err) {
    return { ok: false, problem: (err as Error).message };
  }
}
