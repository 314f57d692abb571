// Maps a request's JSON schema to the subset node-llama-cpp turns into a grammar. Keywords the
// grammar cannot express (minimum, pattern, ...) are dropped, which makes the grammar looser
// than the schema, never stricter: the reply still parses as JSON, and the planner checks the
// rest. A part without a usable shape becomes "any JSON value".

type Schema = Record<string, unknown>;

const basicTypes = ['string', 'number', 'integer', 'boolean', 'null'];
const stringFormats = ['date-time', 'time', 'date'];
const anyValue: Schema = { oneOf: [{ type: basicTypes }, { type: 'object', additionalProperties: true }, { type: 'array' }] };
const isRecord = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;
const isLiteral = (v: unknown): boolean => v === null || ['string', 'number', 'boolean'].includes(typeof v);

/** The grammar-ready form of `schema` (unknown shapes map to any JSON value). */
export function toGrammarSchema(schema: unknown, depth = 0): Schema {
  if (!isRecord(schema) || depth > 32) return anyValue;
  const out: Schema = typeof schema.description === 'string' ? { description: schema.description } : {};
  if (isRecord(schema.$defs)) out.$defs = Object.fromEntries(Object.entries(schema.$defs).map(([k, v]) => [k, toGrammarSchema(v, depth + 1)]));
  if (typeof schema.$ref === 'string' && schema.$ref.startsWith('#/$defs/')) return { ...out, $ref: schema.$ref };
  if (schema.const !== undefined && isLiteral(schema.const)) return { ...out, const: schema.const };
  if (Array.isArray(schema.enum) && schema.enum.length > 0 && schema.enum.every(isLiteral)) return { ...out, enum: schema.enum };
  const alternatives = Array.isArray(schema.oneOf) ? schema.oneOf : Array.isArray(schema.anyOf) ? schema.anyOf : undefined;
  if (alternatives && alternatives.length > 0) return { ...out, oneOf: alternatives.map((s) => toGrammarSchema(s, depth + 1)) };
  if (schema.type === 'object') return { ...out, ...objectPart(schema, depth) };
  if (schema.type === 'array') return { ...out, ...arrayPart(schema, depth) };
  if (schema.type === 'string') return { ...out, ...stringPart(schema) };
  if (typeof schema.type === 'string' && basicTypes.includes(schema.type)) return { ...out, type: schema.type };
  if (Array.isArray(schema.type) && schema.type.length > 0 && schema.type.every((t) => basicTypes.includes(String(t)))) return { ...out, type: schema.type };
  if (Array.isArray(schema.type)) return { ...out, oneOf: schema.type.map((t) => toGrammarSchema({ ...schema, type: t }, depth + 1)) };
  return { ...anyValue, ...out };
}

function objectPart(schema: Schema, depth: number): Schema {
  const out: Schema = { type: 'object' };
  if (isRecord(schema.properties)) out.properties = Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k, toGrammarSchema(v, depth + 1)]));
  if (Array.isArray(schema.required)) out.required = schema.required.filter((k) => typeof k === 'string' && isRecord(out.properties) && k in out.properties);
  if (typeof schema.additionalProperties === 'boolean') out.additionalProperties = schema.additionalProperties;
  else if (isRecord(schema.additionalProperties)) out.additionalProperties = toGrammarSchema(schema.additionalProperties, depth + 1);
  else if (out.properties === undefined) out.additionalProperties = true;
  if (isCount(schema.minProperties)) out.minProperties = schema.minProperties;
  if (isCount(schema.maxProperties)) out.maxProperties = schema.maxProperties;
  return out;
}

function arrayPart(schema: Schema, depth: number): Schema {
  const out: Schema = { type: 'array' };
  if (schema.items !== undefined && schema.items !== true) out.items = toGrammarSchema(schema.items, depth + 1);
  if (Array.isArray(schema.prefixItems)) out.prefixItems = schema.prefixItems.map((s) => toGrammarSchema(s, depth + 1));
  if (isCount(schema.minItems)) out.minItems = schema.minItems;
  if (isCount(schema.maxItems) && (!isCount(schema.minItems) || schema.maxItems >= schema.minItems)) out.maxItems = schema.maxItems;
  return out;
}

function stringPart(schema: Schema): Schema {
  if (typeof schema.format === 'string' && stringFormats.includes(schema.format)) return { type: 'string', format: schema.format };
  const out: Schema = { type: 'string' };
  if (isCount(schema.minLength)) out.minLength = schema.minLength;
  if (isCount(schema.maxLength) && (!isCount(schema.minLength) || schema.maxLength >= schema.minLength)) out.maxLength = schema.maxLength;
  return out;
}
