import { PROJECTED_TABLES } from '@/db/write/schema';
import { CHANGE_EVENT_SCHEMAS, OUTBOX_EVENT_SCHEMA, TRANSACTION_MARKER_SCHEMA, type JsonSchema } from '@/projector/events/jsonSchemas';
import { cdcSubject, TRANSACTION_SUBJECT } from '@/projector/events/subjects';
import { TABLE_SHAPES, type TableShape } from '@/projector/events/tableColumns';

/** The generated part of docs/events.md: the tables' columns and the JSON Schemas, from the code. */
export const BLOCK_START = '<!-- schemas:start -->';
export const BLOCK_END = '<!-- schemas:end -->';

export function renderSchemaBlock(): string {
  return [
    BLOCK_START,
    '<!-- Generated from db/write/schema.ts by `node --import tsx scripts/events/writeSchemas.ts`: do not edit by hand. -->',
    '',
    '### Columns',
    '',
    'JSON type of each column as the images carry it; `?` marks a nullable column, **bold** the primary key.',
    '',
    '| table | columns |',
    '| --- | --- |',
    ...PROJECTED_TABLES.map((table) => columnsRow(TABLE_SHAPES[table])),
    '',
    '### Change events (`shop.cdc.<table>`)',
    '',
    ...PROJECTED_TABLES.flatMap((table) => details(cdcSubject(table), CHANGE_EVENT_SCHEMAS[table])),
    `### Transaction markers (\`${TRANSACTION_SUBJECT}\`)`,
    '',
    ...details(TRANSACTION_SUBJECT, TRANSACTION_MARKER_SCHEMA),
    '### Outbox events (`shop.events.<aggregate_type>`)',
    '',
    ...details('shop.events.<aggregate_type>', OUTBOX_EVENT_SCHEMA),
    BLOCK_END,
  ].join('\n');
}

/** `doc` with its generated block replaced by `block`; throws when the markers are missing. */
export function replaceSchemaBlock(doc: string, block: string): string {
  const { start, end } = blockBounds(doc);
  return doc.slice(0, start) + block + doc.slice(end);
}

export function schemaBlockOf(doc: string): string {
  const { start, end } = blockBounds(doc);
  return doc.slice(start, end);
}

function blockBounds(doc: string): { start: number; end: number } {
  const start = doc.indexOf(BLOCK_START);
  const end = doc.indexOf(BLOCK_END, start);
  if (start < 0 || end < 0) throw new Error(`docs/events.md lacks the ${BLOCK_START} … ${BLOCK_END} markers`);
  return { start, end: end + BLOCK_END.length };
}

function columnsRow(table: TableShape): string {
  const columns = table.columns.map((c) => {
    const name = table.primaryKey.includes(c.name) ? `**${c.name}**` : `\`${c.name}\``;
    return `${name} ${c.sqlType}${c.nullable ? '?' : ''}`;
  });
  return `| \`${table.name}\` | ${columns.join(', ')} |`;
}

function details(summary: string, schema: JsonSchema): string[] {
  return [`<details><summary><code>${summary}</code></summary>`, '', '```json', compactJson(schema), '```', '', '</details>', ''];
}

const LINE_WIDTH = 120;

/** JSON with 2-space indents, keeping an object or array on one line when it fits. */
export function compactJson(value: unknown, indent = '', lineStart = indent.length): string {
  const short = oneLine(value);
  if (typeof value !== 'object' || value === null || lineStart + short.length <= LINE_WIDTH) return short;
  const inner = `${indent}  `;
  if (Array.isArray(value) && value.every((item) => typeof item !== 'object' || item === null)) return packedArray(value, indent);
  const entries = Array.isArray(value)
    ? value.map((item) => `${inner}${compactJson(item, inner)}`)
    : Object.entries(value).map(([key, item]) => {
        const prefix = `${inner}${JSON.stringify(key)}: `;
        return `${prefix}${compactJson(item, inner, prefix.length)}`;
      });
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  return `${open}\n${entries.join(',\n')}\n${indent}${close}`;
}

function oneLine(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(oneLine).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    return `{ ${Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}: ${oneLine(item)}`).join(', ')} }`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** An array of plain values that does not fit one line: as many values per line as fit. */
function packedArray(values: unknown[], indent: string): string {
  const inner = `${indent}  `;
  const lines: string[] = [];
  for (const item of values.map((v) => oneLine(v))) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last]!.length + item.length + 2 <= LINE_WIDTH) lines[last] += ` ${item},`;
    else lines.push(`${inner}${item},`);
  }
  return `[\n${lines.join('\n').slice(0, -1)}\n${indent}]`;
}
