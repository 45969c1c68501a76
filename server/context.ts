import { findSessionUser, readCookie, SESSION_COOKIE, type SessionUser } from './auth/sessions';
import { services, type Services } from './services';

export interface Context {
  services: Services;
  user: SessionUser | null;
  sessionToken: string | undefined;
  /** Where procedures put `Set-Cookie` and other response headers. */
  resHeaders: Headers;
  secureCookies: boolean;
}

/** Built inside each request: from the fetch adapter, or from a server component's headers. */
export async function createContext(opts: { headers: Headers; resHeaders: Headers }): Promise<Context> {
  const svc = services();
  const token = readCookie(opts.headers.get('cookie'), SESSION_COOKIE);
  const user = token ? await findSessionUser(svc.write.db, token) : null;
  const forwardedProto = opts.headers.get('x-forwarded-proto');
  return { services: svc, user, sessionToken: token, resHeaders: opts.resHeaders, secureCookies: forwardedProto === 'https' };
}
