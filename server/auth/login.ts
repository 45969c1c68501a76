import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { WriteDb } from '@/db/clients';
import { users } from '@/db/write/schema';
import { DomainError } from '../domain/errors';
import { DUMMY_HASH, verifyPassword } from './password';
import { createSession, type SessionUser } from './sessions';

export const loginInput = z.object({
  email: z.string().trim().toLowerCase().email('Enter an email address'),
  password: z.string().min(1, 'Enter your password').max(200, 'Password is too long'),
});
export type LoginInput = z.infer<typeof loginInput>;

export async function login(db: WriteDb, input: LoginInput, ttlHours: number): Promise<{ user: SessionUser; token: string; expiresAt: Date }> {
  const [row] = await db.select().from(users).where(eq(users.email, input.email));
  const ok = await verifyPassword(input.password, row?.passwordHash ?? DUMMY_HASH);
  if (!row || !ok) throw new DomainError('UNAUTHENTICATED', 'Email or password is wrong');
  const session = await createSession(db, row.id, ttlHours);
  return { user: { id: row.id, email: row.email, name: row.name, role: row.role }, ...session };
}
