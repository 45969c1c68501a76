import fc from 'fast-check';
import { z } from 'zod';
import { EXTREME_NUMBERS, HOSTILE_STRINGS, hostileLeaf } from './hostile';

/** The subset of JSON Schema (draft 2020-12) that `z.toJSONSchema` writes for this app's inputs. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  default?: unknown;
}

/** A procedure's input schema as JSON Schema, the input side (before transforms and defaults). */
export function inputJsonSchema(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

export interface ValueContext {
  /** Ids that exist in the database, so valid-looking inputs also reach the handlers' deeper paths. */
  ids: string[];
  /** Every field may get a hostile value of its kind (strings: NUL, surrogates, huge; dates: year 0…). */
  hostile?: boolean;
}

/** Dates and instants just outside what Postgres and four-digit ISO years hold. */
const BAD_DAYS = ['0000-01-01', '0000-12-31', '-000001-01-01', '+010000-01-01', '10000-01-01', '2021-02-29', '2020-13-01'];
const BAD_INSTANTS = ['0000-06-01', '0000-06-01T00:00:00Z', '+010000-01-01T00:00:00Z', '+275760-09-13T00:00:00Z', '-271821-04-20T00:00:00Z', '1e999', ''];

/** A hostile value for a field of this kind: edge values of its own type first, then anything. */
function hostileFor(schema: JsonSchema): fc.Arbitrary<unknown> {
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  const own =
    schema.format === 'date'
      ? fc.constantFrom(...BAD_DAYS)
      : schema.format === 'date-time'
        ? fc.constantFrom(...BAD_INSTANTS)
        : type === 'string'
          ? fc.oneof({ weight: 2, arbitrary: withBadUnit(stringOf(schema, { ids: [] })) }, { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) })
          : type === 'integer' || type === 'number'
            ? fc.constantFrom(...EXTREME_NUMBERS)
            : hostileLeaf;
  return fc.oneof({ weight: 3, arbitrary: own }, { weight: 1, arbitrary: hostileLeaf });
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/**
 * Values that follow the schema's shape, skewed to its edges: lengths and numbers at their
 * bounds, optional keys both present and absent, ids that exist. Refinements JSON Schema
 * cannot say (ranges between fields, LSN shapes…) are left to chance: the oracle is the
 * procedure's own zod schema, not this generator.
 */
export function valueOf(schema: JsonSchema, ctx: ValueContext): fc.Arbitrary<unknown> {
  if (!ctx.hostile) return validValueOf(schema, ctx);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === 'object' && schema.properties && Object.keys(schema.properties).length > 0) return oneFieldHostile(schema, ctx);
  return hostileFor(schema);
}

/** Every field valid but one, which gets a hostile value of its kind: the bad value reaches the handler. */
function oneFieldHostile(schema: JsonSchema, ctx: ValueContext): fc.Arbitrary<unknown> {
  const properties = schema.properties!;
  const keys = Object.keys(properties);
  const valid = { ...ctx, hostile: false };
  return fc.nat(keys.length - 1).chain((n) => {
    const target = keys[n]!;
    const model = Object.fromEntries(keys.map((key) => [key, key === target ? valueOf(properties[key]!, ctx) : validValueOf(properties[key]!, valid)]));
    const requiredKeys = keys.filter((key) => key === target || (schema.required ?? []).includes(key));
    return fc.record(model, { requiredKeys });
  });
}

function validValueOf(schema: JsonSchema, ctx: ValueContext): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((s) => valueOf(s, ctx)));
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object':
      return objectOf(schema, ctx);
    case 'array':
      return fc.array(valueOf(schema.items ?? {}, ctx), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 8, 64),
        size: 'small',
      });
    case 'string':
      return stringOf(schema, ctx);
    case 'integer':
      return integerOf(schema);
    case 'number':
      return fc.oneof(integerOf(schema), fc.double({ min: schema.minimum ?? -1e9, max: schema.maximum ?? 1e9, noNaN: true }));
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** A valid string with a NUL or a lone surrogate slipped in somewhere. */
function withBadUnit(valid: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc
    .tuple(valid, fc.nat(), fc.constantFrom('\u0000', '\uD800', '\uDFFF'))
    .map(([text, at, unit]) => text.slice(0, at % (text.length + 1)) + unit + text.slice(at % (text.length + 1)));
}

function objectOf(schema: JsonSchema, ctx: ValueContext): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const model = Object.fromEntries(Object.entries(properties).map(([key, s]) => [key, valueOf(s, ctx)]));
  const requiredKeys = Object.keys(properties).filter((k) => required.has(k));
  return fc.record(model, { requiredKeys });
}

function stringOf(schema: JsonSchema, ctx: ValueContext): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? 64;
  if (schema.format === 'uuid') return ctx.ids.length > 0 ? fc.oneof(fc.constantFrom(...ctx.ids), fc.uuid()) : fc.uuid();
  if (schema.format === 'date') return fc.date({ min: new Date('0001-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  if (schema.format === 'date-time') return fc.date({ min: new Date('0001-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }).map((d) => d.toISOString());
  if (schema.format === 'email') return fc.emailAddress({ size: 'small' }).filter((e) => e.length <= max);
  const lengths = [min, max, Math.min(max, min + 1), Math.max(min, max - 1)];
  const edge = fc.constantFrom(...lengths).chain((length) => fc.string({ unit: 'grapheme-ascii', minLength: length, maxLength: length }));
  const plain = fc.string({ unit: fc.oneof(fc.constantFrom('a', 'Z', '0', '-', ' ', 'é'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), minLength: min, maxLength: Math.min(max, 80) });
  if (schema.pattern) return fc.oneof(fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length >= min && s.length <= max), plain);
  return fc.oneof(edge, plain);
}

function integerOf(schema: JsonSchema): fc.Arbitrary<number> {
  const min = Math.max(-MAX_SAFE, schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : (schema.minimum ?? -MAX_SAFE));
  const max = Math.min(MAX_SAFE, schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : (schema.maximum ?? MAX_SAFE));
  return fc.oneof(fc.constantFrom(min, max, Math.min(max, Math.max(min, 0)), Math.min(max, min + 1)), fc.integer({ min, max }));
}
