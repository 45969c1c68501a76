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

/**
 * A record the projector could not read: not JSON, or an action it does not know. It cannot
 * tell which keys such a record touched, so its transaction recomputes every read row.
 */
export interface UnreadableMessage extends Base {
  action: '?';
  reason: string;
  /** The record's start, for the log (bounded). */
  raw: string;
}

export type Wal2JsonMessage = BeginMessage | CommitMessage | RowMessage | TruncateMessage | LogicalMessage | UnreadableMessage;

const KNOWN_ACTIONS = new Set(['B', 'C', 'I', 'U', 'D', 'T', 'M']);
const RAW_SHOWN = 500;

/**
 * One wal2json record, never throwing: pg-logical-replication parses inside its socket
 * listener, before any queue, so a parse error there escaped as an uncaught exception and
 * the same record crashed every restart.
 */
export function parseWal2Json(buffer: Buffer): Wal2JsonMessage {
  const text = buffer.toString();
  const unreadable = (reason: string): UnreadableMessage => ({ action: '?', reason, raw: text.slice(0, RAW_SHOWN) });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return unreadable(`not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return unreadable('not a JSON object');
  const action = (value as { action?: unknown }).action;
  if (typeof action !== 'string' || !KNOWN_ACTIONS.has(action)) return unreadable(`unknown action ${JSON.stringify(action)}`);
  const message = value as Wal2JsonMessage;
  if ((action === 'I' || action === 'U' || action === 'D' || action === 'T') && (typeof (message as RowMessage).table !== 'string')) {
    return unreadable(`${action} record without a table`);
  }
  return message;
}

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
