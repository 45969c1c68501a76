/** The JetStream subjects events are published on (docs/events.md, "Subjects"). */

/** BEGIN and END markers of every transaction. */
export const TRANSACTION_SUBJECT = 'shop.transaction';

/** Row changes of one table. */
export function cdcSubject(table: string): string {
  return `shop.cdc.${subjectToken(table)}`;
}

/** Domain events of one aggregate type, from the journal. */
export function outboxSubject(aggregateType: string): string {
  return `shop.events.${subjectToken(aggregateType)}`;
}

/** One subject token: `.` would split it, `*` and `>` are wildcards, spaces are not allowed; only [A-Za-z0-9_-] pass. */
function subjectToken(name: string): string {
  return name.replace(/[^A-Za-z0-9_-]/g, '_') || '_';
}
