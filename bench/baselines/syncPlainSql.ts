import type postgres from 'postgres';

/**
 * Bench only. The projector's SQL written for a plain postgres.js client, run on a transaction
 * of the client drizzle owns. Drizzle replaces that client's serializers with pass-throughs
 * for dates, timestamps, their arrays and JSON (it serializes those values itself), so a
 * `date[]` parameter or an `sql.json` value would reach the wire as a JavaScript object.
 * This view hands them over as Postgres text instead: array parameters as array literals,
 * JSON as JSON text. Both pass through drizzle's serializers, and the client's own array
 * serializers leave text alone. Nothing of the shared client is changed.
 */
export function plainSqlView(tx: postgres.TransactionSql): postgres.TransactionSql {
  const unsafe: postgres.TransactionSql['unsafe'] = (query, parameters, options) => tx.unsafe(query, parameters?.map(arrayAsText) as typeof parameters, options);
  const json = (value: unknown) => JSON.stringify(value);
  return new Proxy(tx, {
    apply: (target, thisArg, args: unknown[]) => Reflect.apply(target, thisArg, isTemplateCall(args) ? [args[0], ...args.slice(1).map(arrayAsText)] : args),
    get: (target, property, receiver) => (property === 'unsafe' ? unsafe : property === 'json' ? json : Reflect.get(target, property, receiver)),
  });
}

function isTemplateCall(args: unknown[]): boolean {
  const first = args[0] as { raw?: unknown } | undefined;
  return Array.isArray(first) && Array.isArray(first.raw);
}

/** A flat array of strings or numbers as a Postgres array literal; anything else (fragments, helpers) as it is. */
function arrayAsText(value: unknown): unknown {
  if (!Array.isArray(value) || !value.every((x) => typeof x === 'string' || typeof x === 'number')) return value;
  return `{${value.map((x) => (typeof x === 'number' ? String(x) : `"${x.replace(/[\\"]/g, '\\$&')}"`)).join(',')}}`;
}
