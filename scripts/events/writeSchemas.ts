import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderSchemaBlock, replaceSchemaBlock } from './schemaBlock';

/** `node --import tsx scripts/events/writeSchemas.ts`: run after a change to the write schema or the event envelope. */
const file = join(import.meta.dirname, '..', '..', 'docs', 'events.md');
const doc = readFileSync(file, 'utf8');
const updated = replaceSchemaBlock(doc, renderSchemaBlock());
writeFileSync(file, updated);
process.stdout.write(`docs/events.md: schemas ${updated === doc ? 'already current' : 'rewritten'}\n`);
