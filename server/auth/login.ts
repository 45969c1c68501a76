import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { WriteDb } from '@/db/clients';
import { staffCredentials, users } from '@/db/write/schema';
import { DomainError } from '../domain/errors';
import type { LoginLimits } from './loginLimits';
import { DUMMY_HASH, verifyPassword } from './password';
import { createSession, deleteSession, type SessionUser } from './sessions';

export const loginInput = z.object({
  // 254: the longest address SMTP can deliver to; checked before trimming so padding cannot pass.
  email: z.string().max(254, 'Email is too long').trim().toLowerCase().email('Enter an email address'),
  password: z.string().min(1, 'Enter your password').max(200, 'Password is too long'),
});
export type LoginInput = z.infer<typeof loginInput>;

export interface LoginDeps {
  db: WriteDb;
  limits: LoginLimits;
}

export interface LoginRequest {
  /** The caller's address (see server/http/clientAddress.ts): the per-client limit's key. */
  client: string;
  /** The session the caller had, ended by the login (a session is never reused across logins). */
  previousToken?: string;
  ttlHours: number;
}

export async function login(deps: LoginDeps, input: LoginInput, request: LoginRequest): Promise<{ user: SessionUser; token: string; expiresAt: Date }> {
  await deps.limits.attempt(request.client, input.email);
  const [row] = await deps.db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, passwordHash: staffCredentials.passwordHash })
    .from(users)
    .leftJoin(staffCredentials, eq(staffCredentials.userId, users.id))
    .where(eq(users.email, input.email));
  const ok = await deps.limits.hash(() => verifyPassword(input.password, row?.passwordHash ?? DUMMY_HASH));
  if (!row || !ok) throw new DomainError('UNAUTHENTICATED', 'Email or password is wrong');
  await deps.limits.succeeded(request.client, input.email);
  if (request.previousToken) await deleteSession(deps.db, request.previousToken);
  const session = await createSession(deps.db, row.id, request.ttlHours);
  return { user: { id: row.id, email: row.email, name: row.name, role: row.role }, ...session };
}
