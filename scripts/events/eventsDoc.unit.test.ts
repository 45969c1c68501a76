import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { CHANGE_EVENT_SCHEMAS, OUTBOX_EVENT_SCHEMA, TRANSACTION_MARKER_SCHEMA } from '@/projector/events/jsonSchemas';
import { BLOCK_END, BLOCK_START, compactJson, renderSchemaBlock, replaceSchemaBlock, schemaBlockOf } from './schemaBlock';

const doc = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'events.md'), 'utf8');

/** The JSON examples of the prose (the generated block holds the schemas themselves). */
function examples(): Record<string, unknown>[] {
  const prose = replaceSchemaBlock(doc, '');
  return [...prose.matchAll(/```json\n([\s\S]*?)\n```/g)].map((match) => JSON.parse(match[1]!) as Record<string, unknown>);
}

/** ajv 6 (installed for eslint) checks draft-07 keywords, the only ones these schemas use. */
const ajv = new Ajv({ validateSchema: false, allErrors: true });

function schemaOf(example: Record<string, unknown>) {
  if ('op' in example) return CHANGE_EVENT_SCHEMAS[(example.source as { table: keyof typeof CHANGE_EVENT_SCHEMAS }).table];
  if ('status' in example) return TRANSACTION_MARKER_SCHEMA;
  return OUTBOX_EVENT_SCHEMA;
}

describe('docs/events.md', () => {
  it('holds the schemas the code generates (run `node --import tsx scripts/events/writeSchemas.ts`)', () => {
    expect(schemaBlockOf(doc)).toBe(renderSchemaBlock());
  });

  it('has an example of every op, of both markers and of an outbox event, each valid against its schema', () => {
    const all = examples();
    const kinds = new Set(all.map((e) => String(e.op ?? e.status ?? 'outbox')));
    expect([...kinds].sort()).toEqual(['BEGIN', 'END', 'c', 'd', 'outbox', 'r', 't', 'u']);
    for (const example of all) {
      const validate = ajv.compile(schemaOf(example));
      expect(validate(example) ? true : validate.errors, JSON.stringify(example).slice(0, 120)).toBe(true);
    }
  });
});

describe('schema block', () => {
  it('replaces only what lies between the markers', () => {
    expect(replaceSchemaBlock(`a\n${BLOCK_START}\nold\n${BLOCK_END}\nb`, 'new')).toBe('a\nnew\nb');
    expect(() => replaceSchemaBlock('no markers', 'new')).toThrow(/lacks/);
  });

  it('prints JSON that reads back as the same value', () => {
    for (const schema of [...Object.values(CHANGE_EVENT_SCHEMAS), TRANSACTION_MARKER_SCHEMA, OUTBOX_EVENT_SCHEMA]) {
      expect(JSON.parse(compactJson(schema))).toEqual(schema);
    }
  });
});
