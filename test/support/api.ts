import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import superjson from 'superjson';
import type { AppRouter } from '@/server/routers/_app';
import { DEMO_USERS } from '@/scripts/seed/seedDemoData';

/**
 * A typed client over the real HTTP endpoint, as frontend code would use it. The session cookie
 * may be given later: a function is asked for it at each call.
 */
export function apiClient(baseUrl: string, cookie?: string | (() => string)) {
  const cookieNow = typeof cookie === 'function' ? cookie : () => cookie;
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${baseUrl}/api/trpc`,
        transformer: superjson,
        headers: () => {
          const current = cookieNow();
          return current ? { cookie: current } : {};
        },
      }),
    ],
  });
}

export type ApiClient = ReturnType<typeof apiClient>;

export async function loginAs(baseUrl: string, role: 'admin' | 'viewer'): Promise<{ api: ApiClient; cookie: string }> {
  const user = DEMO_USERS.find((u) => u.role === role)!;
  const res = await fetch(`${baseUrl}/api/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ json: { email: user.email, password: user.password } }),
  });
  if (!res.ok) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return { api: apiClient(baseUrl, cookie), cookie };
}

/** The tRPC error code of a failed call (e.g. `FORBIDDEN`), or throws if the call succeeded. */
export async function errorOf(call: Promise<unknown>): Promise<{ code: string; httpStatus: number; message: string; fieldErrors: Record<string, string[]> | null }> {
  try {
    await call;
  } catch (error) {
    if (error instanceof TRPCClientError) {
      const data = error.data as { code: string; httpStatus: number; fieldErrors: Record<string, string[]> | null };
      return { code: data.code, httpStatus: data.httpStatus, message: error.message, fieldErrors: data.fieldErrors };
    }
    throw error;
  }
  throw new Error('expected the call to fail, but it succeeded');
}
