import { findSessionUser, readSessionToken, type SessionUser } from './auth/sessions';
import type { RequestOrigin } from './http/clientAddress';
import { services, type Services } from './services';

export interface Context {
  services: Services;
  user: SessionUser | null;
  sessionToken: string | undefined;
  /** Where procedures put `Set-Cookie` and other response headers. */
  resHeaders: Headers;
  /** The caller's address; 'in-process' for server components (they never log in). */
  client: string;
  secureCookies: boolean;
}

/** Built inside each request: from the API handler, or from a server component's headers. */
export async function createContext(opts: { cookie: string | null | undefined; resHeaders: Headers; origin?: RequestOrigin }): Promise<Context> {
  const svc = services();
  const token = readSessionToken(opts.cookie);
  const user = token ? await findSessionUser(svc.write.db, token) : null;
  const mode = svc.env.SECURE_COOKIES;
  const secureCookies = mode === 'always' || (mode === 'auto' && opts.origin?.https === true);
  return { services: svc, user, sessionToken: token, resHeaders: opts.resHeaders, client: opts.origin?.address ?? 'in-process', secureCookies };
}
