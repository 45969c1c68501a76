import type { Row } from '@/projector/projections/types';

export interface FieldDiff {
  field: string;
  expected: unknown;
  actual: unknown;
}

/** How one read model differs from its fresh computation; rows named by key. */
export interface TableDiff {
  name: string;
  expectedRows: number;
  actualRows: number;
  /** Rows a fresh rebuild has and the live model lacks (first few kept whole). */
  missing: Row[];
  missingCount: number;
  /** Rows the live model has and a fresh rebuild does not. */
  unexpected: Row[];
  unexpectedCount: number;
  changed: { key: string; fields: FieldDiff[] }[];
  changedCount: number;
}

const KEEP = 5;

/** A value in a form where equal values print equal: dates as ISO text, bigints as digits, object keys sorted. */
export function canonical(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().filter((k) => (value as Row)[k] !== undefined).map((k) => [k, canonical((value as Row)[k])]));
  }
  return value;
}

const same = (a: unknown, b: unknown) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

/** Compares a live read model with what a fresh rebuild gives; undefined when they are equal. */
export function diffRows(name: string, keyOf: (row: Row) => string, expected: Row[], actual: Row[]): TableDiff | undefined {
  const live = new Map(actual.map((row) => [keyOf(row), row]));
  const fresh = new Map(expected.map((row) => [keyOf(row), row]));
  const diff: TableDiff = {
    name,
    expectedRows: expected.length,
    actualRows: actual.length,
    missing: [],
    missingCount: 0,
    unexpected: [],
    unexpectedCount: 0,
    changed: [],
    changedCount: 0,
  };
  for (const [key, want] of fresh) {
    const have = live.get(key);
    if (!have) {
      if (diff.missingCount++ < KEEP) diff.missing.push(want);
      continue;
    }
    const fields = [...new Set([...Object.keys(want), ...Object.keys(have)])]
      .filter((field) => !same(want[field], have[field]))
      .map((field) => ({ field, expected: want[field], actual: have[field] }));
    if (fields.length > 0 && diff.changedCount++ < KEEP) diff.changed.push({ key, fields });
  }
  for (const [key, row] of live) {
    if (!fresh.has(key) && diff.unexpectedCount++ < KEEP) diff.unexpected.push(row);
  }
  const differs = diff.missingCount + diff.unexpectedCount + diff.changedCount > 0 || expected.length !== actual.length;
  return differs ? diff : undefined;
}

/**
 * The class of a divergence, to tell one bug from another across seeds: which model, and
 * whether rows are missing, unexpected, or which fields differ.
 */
export function signatureOf(diff: TableDiff): string[] {
  const parts: string[] = [];
  if (diff.missingCount > 0) parts.push(`${diff.name}: missing rows`);
  if (diff.unexpectedCount > 0) parts.push(`${diff.name}: unexpected rows`);
  const fields = new Set(diff.changed.flatMap((row) => row.fields.map((f) => f.field)));
  for (const field of [...fields].sort()) parts.push(`${diff.name}.${field}`);
  return parts;
}
