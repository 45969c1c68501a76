import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Headers on every response, and a Content-Security-Policy with a fresh nonce on every page.
 * Next reads the nonce from the request's own CSP header and puts it on the scripts it
 * renders (the root layout gives it to Mantine's inline color-scheme script); pages are
 * rendered per request for that reason. Styles stay 'unsafe-inline': Mantine and Recharts
 * write style attributes, which no nonce can cover.
 */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

const ALWAYS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
};

export function setSecurityHeaders(req: IncomingMessage, res: ServerResponse, page: boolean): void {
  for (const [name, value] of Object.entries(ALWAYS)) res.setHeader(name, value);
  if (!page) return;
  const policy = contentSecurityPolicy(randomBytes(16).toString('base64'));
  res.setHeader('Content-Security-Policy', policy);
  // Whatever CSP the client sent is replaced: Next must see our nonce, not one of its choosing.
  req.headers['content-security-policy'] = policy;
  delete req.headers['content-security-policy-report-only'];
}

/** The nonce of a page request's policy (set above), for inline scripts the app renders itself. */
export function nonceOf(policy: string | null | undefined): string | undefined {
  return policy?.match(/'nonce-([A-Za-z0-9+/=]+)'/)?.[1];
}
