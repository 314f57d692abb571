// The schema given to the grammar: what the grammar can express is kept, the rest dropped (looser,
// never stricter), and an unknown shape becomes any JSON value.

import { describe, expect, it } from 'vitest';
import { toGrammarSchema } from '../../src/model-server/grammar-schema.js';
import { planReplySchema } from '../../src/planner/plan-schema.js';

const anyValue = { oneOf: [{ type: ['string', 'number', 'integer', 'boolean', 'null'] }, { type: 'object', additionalProperties: true }, { type: 'array' }] };

describe('toGrammarSchema', () => {
  it.each([
    ['number bounds are dropped', { type: 'number', minimum: 0, maximum: 1 }, { type: 'number' }],
    ['a string pattern is dropped, lengths kept', { type: 'string', pattern: '^a', minLength: 1, maxLength: 5 }, { type: 'string', minLength: 1, maxLength: 5 }],
    ['an unknown format is dropped', { type: 'string', format: 'email' }, { type: 'string' }],
    ['a known format is kept', { type: 'string', format: 'date' }, { type: 'string', format: 'date' }],
    ['anyOf becomes oneOf', { anyOf: [{ type: 'string' }, { type: 'null' }] }, { oneOf: [{ type: 'string' }, { type: 'null' }] }],
    ['an empty schema is any value', {}, anyValue],
    ['a schema that is not an object is any value', true, anyValue],
    ['allOf alone is any value', { allOf: [{ type: 'string' }] }, anyValue],
    ['an enum of literals is kept', { enum: ['a', 1, null] }, { enum: ['a', 1, null] }],
    ['an enum with an object in it is any value', { enum: [{}] }, anyValue],
    ['a type list with object splits into alternatives', { type: ['string', 'object'] }, { oneOf: [{ type: 'string' }, { type: 'object', additionalProperties: true }] }],
    ['required names only known properties', { type: 'object', properties: { a: { type: 'string' } }, required: ['a', 'b'] }, { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] }],
    ['maxItems below minItems is dropped', { type: 'array', items: { type: 'string' }, minItems: 3, maxItems: 1 }, { type: 'array', items: { type: 'string' }, minItems: 3 }],
    ['a $ref into $defs is kept', { $ref: '#/$defs/x' }, { $ref: '#/$defs/x' }],
    ['a $ref elsewhere is any value', { $ref: 'http://example.com/s' }, anyValue],
  ])('%s', (_, input, expected) => {
    expect(toGrammarSchema(input)).toEqual(expected);
  });

  it("keeps the plan schema's shape (fields, required, closed objects, list bounds)", () => {
    const out = toGrammarSchema(planReplySchema) as { required: string[]; additionalProperties: boolean; properties: Record<string, Record<string, unknown>> };
    expect(out.required).toEqual(planReplySchema.required);
    expect(out.additionalProperties).toBe(false);
    expect(out.properties.confidence).toEqual({ type: 'number', description: 'How sure you are that the command does what was asked.' });
    expect(out.properties.parts).toMatchObject({ type: 'array', maxItems: 20, items: { type: 'object', additionalProperties: false, required: ['part', 'explanation'] } });
  });

  it('stops at a nesting depth instead of recursing forever', () => {
    let deep: Record<string, unknown> = { type: 'string' };
    for (let i = 0; i < 100; i += 1) deep = { type: 'array', items: deep };
    expect(JSON.stringify(toGrammarSchema(deep))).toContain('oneOf');
  });
});
