/**
 * wal2json format-version 2 messages (one per record). The library's own types describe
 * format 1, so these are ours. Checked against wal2json 2.5 on PostgreSQL 15.
 */
export interface Wal2JsonColumn {
  name: string;
  type?: string;
  value: unknown;
}

interface Base {
  xid?: number;
  timestamp?: string;
  lsn?: string;
}

export interface BeginMessage extends Base {
  action: 'B';
  nextlsn?: string;
}
export interface CommitMessage extends Base {
  action: 'C';
  nextlsn?: string;
}
export interface RowMessage extends Base {
  action: 'I' | 'U' | 'D';
  schema: string;
  table: string;
  /** New row image; updates leave out unchanged TOASTed columns. */
  columns?: Wal2JsonColumn[];
  /** Old key (replica identity): all a delete carries; on an update, present when the key changed. */
  identity?: Wal2JsonColumn[];
}
export interface TruncateMessage extends Base {
  action: 'T';
  schema: string;
  table: string;
}
export interface LogicalMessage extends Base {
  action: 'M';
  prefix?: string;
  content?: string;
}

export type Wal2JsonMessage = BeginMessage | CommitMessage | RowMessage | TruncateMessage | LogicalMessage;

/** wal2json options: format 2, xids, commit timestamps, LSNs, only the tables the projections read. */
export function wal2jsonOptions(tables: readonly string[]) {
  return {
    formatVersion: '2',
    includeXids: true,
    includeTimestamp: true,
    includeLsn: true,
    includeTypes: false,
    includeTransaction: true,
    addTables: tables.map((t) => `public.${escapeTableName(t)}`).join(','),
  };
}

/** wal2json's table lists use backslash escapes for special characters. */
function escapeTableName(name: string): string {
  return name.replace(/([\\ ',.*])/g, '\\$1');
}

/** wal2json prints commit times as Postgres text (`2026-11-23 08:44:09.56085+00`). */
export function parsePgTimestamp(text: string): Date {
  const iso = text.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00');
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new Error(`cannot parse timestamp ${text}`);
  return date;
}

export function columnValue(columns: Wal2JsonColumn[] | undefined, name: string): unknown {
  return columns?.find((c) => c.name === name)?.value;
}
