import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';

export interface RequestOrigin {
  /** The caller's address: the key of per-client rate limits. */
  address: string;
  /** Whether the caller reached us over HTTPS (decides `Secure` cookies when SECURE_COOKIES=auto). */
  https: boolean;
}

/** The values a header sent several times, or as one comma-separated list, in order. */
function headerList(value: string | string[] | undefined): string[] {
  const joined = Array.isArray(value) ? value.join(',') : (value ?? '');
  return joined
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
}

/**
 * Who is calling, believing `X-Forwarded-For` and `X-Forwarded-Proto` only as far as
 * `trustedProxies` hops: each trusted proxy appends the address it saw, so the client is the
 * entry that many places from the right (counting the socket's peer). Entries further left
 * are whatever the client wrote and are ignored, so a client cannot pick its own rate-limit key.
 */
export function requestOrigin(
  req: Pick<IncomingMessage, 'headers'> & { socket: Pick<IncomingMessage['socket'], 'remoteAddress'> & { encrypted?: boolean } },
  trustedProxies: number,
): RequestOrigin {
  const peer = req.socket.remoteAddress ?? 'unknown';
  const direct = { address: peer, https: Boolean((req.socket as Partial<TLSSocket>).encrypted) };
  if (trustedProxies === 0) return direct;
  const hops = [...headerList(req.headers['x-forwarded-for']), peer];
  const address = hops[Math.max(0, hops.length - 1 - trustedProxies)]!;
  // The nearest proxy's word on the scheme is the last value.
  const proto = headerList(req.headers['x-forwarded-proto']).at(-1);
  return { address, https: proto ? proto.toLowerCase() === 'https' : direct.https };
}
