import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lte, sql } from 'drizzle-orm';
import { preparedPerClient, type WriteDb } from '@/db/clients';
import { sessions, users, type StaffRole } from '@/db/write/schema';

export const SESSION_COOKIE = 'sid';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
}

/** Only a hash of the token is stored, so a leaked sessions table opens no session. */
const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

export async function createSession(db: WriteDb, userId: string, ttlHours: number, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + ttlHours * 3600_000);
  await db.insert(sessions).values({ tokenHash: hashToken(token), userId, expiresAt });
  // Expired sessions of this user go as a new one starts, so the table does not grow with them.
  await db.delete(sessions).where(and(eq(sessions.userId, userId), lte(sessions.expiresAt, now)));
  return { token, expiresAt };
}

/** Every API call looks its session up: the statement is built once per connection pool, not per call. */
const sessionLookup = preparedPerClient((db: WriteDb) =>
  db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, sql.placeholder('tokenHash')), gt(sessions.expiresAt, sql.placeholder('now'))))
    .prepare('session_user'),
);

export async function findSessionUser(db: WriteDb, token: string, now = new Date()): Promise<SessionUser | null> {
  const [row] = await sessionLookup(db).execute({ tokenHash: hashToken(token), now: now.toISOString() });
  return row ?? null;
}

export async function deleteSession(db: WriteDb, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}

/** "Log out everywhere": every session of the user ends, this one included. */
export async function deleteUserSessions(db: WriteDb, userId: string): Promise<number> {
  const ended = await db.delete(sessions).where(eq(sessions.userId, userId)).returning({ tokenHash: sessions.tokenHash });
  return ended.length;
}

export function sessionCookie(token: string, expiresAt: Date, secure: boolean): string {
  const parts = [`${SESSION_COOKIE}=${token}`, 'Path=/', 'HttpOnly', 'SameSite=Lax', `Expires=${expiresAt.toUTCString()}`];
  if (secure) parts.push('Secure');
  return parts.join('; ');
}

export function clearedSessionCookie(): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;
}

/** Session tokens are 32 random bytes in base64url (43 characters); anything else opens no session. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/**
 * The session token from a `Cookie` header, or undefined. A malformed or oversized cookie
 * (`sid=%`, set by a sibling origin, say) is no session rather than an error: it must never
 * lock a user out of logging in again.
 */
export function readSessionToken(header: string | null | undefined): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key !== SESSION_COOKIE) continue;
    const value = rest.join('=');
    if (TOKEN_SHAPE.test(value)) return value;
  }
  return undefined;
}
