import superjson from 'superjson';

export interface RawAnswer {
  status: number;
  /** The tRPC error code when the answer is a tRPC error (`BAD_REQUEST`, `FORBIDDEN`…). */
  code: string | undefined;
  message: string | undefined;
  headers: Headers;
}

/** What a call sends: a value superjson encodes (as the typed client would), or raw text as an attacker would. */
export type Payload = { kind: 'value'; value: unknown } | { kind: 'raw'; text: string };

export function encode(payload: Payload): string | undefined {
  if (payload.kind === 'raw') return payload.text;
  if (payload.value === undefined) return undefined;
  try {
    return JSON.stringify(superjson.serialize(payload.value));
  } catch {
    // superjson will not encode `__proto__` or `constructor` keys; an attacker writes the JSON by hand.
    return JSON.stringify({ json: payload.value }, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
  }
}

/** The input the server would hand the schema after superjson decoding, or a note that it cannot decode. */
export function decodedInput(payload: Payload): { ok: true; value: unknown } | { ok: false } {
  const text = encode(payload);
  // tRPC reads an empty body or `?input=` as no input at all.
  if (text === undefined || text === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: superjson.deserialize(JSON.parse(text)) };
  } catch {
    return { ok: false };
  }
}

/** One procedure call over plain HTTP: GET for queries, POST for mutations, no batching. */
export async function rawCall(baseUrl: string, path: string, type: 'query' | 'mutation', payload: Payload, cookie?: string): Promise<RawAnswer> {
  const body = encode(payload);
  const headers: Record<string, string> = cookie ? { cookie } : {};
  const url = new URL(`${baseUrl}/api/trpc/${path}`);
  let res: Response;
  if (type === 'query') {
    if (body !== undefined) url.searchParams.set('input', body);
    res = await fetch(url, { headers });
  } else {
    res = await fetch(url, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: body ?? '' });
  }
  return readAnswer(res);
}

export async function readAnswer(res: Response): Promise<RawAnswer> {
  const text = await res.text();
  let code: string | undefined;
  let message: string | undefined;
  try {
    const parsed = JSON.parse(text) as { error?: { json?: { message?: string; data?: { code?: string } } } } | unknown[];
    const first = Array.isArray(parsed) ? (parsed[0] as typeof parsed) : parsed;
    const error = (first as { error?: { json?: { message?: string; data?: { code?: string } } } }).error?.json;
    code = error?.data?.code;
    message = error?.message;
  } catch {
    message = text.slice(0, 200);
  }
  return { status: res.status, code, message, headers: res.headers };
}
