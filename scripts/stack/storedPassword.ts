import { createHash, createHmac, pbkdf2Sync, timingSafeEqual } from 'node:crypto';

const SCRAM = /^SCRAM-SHA-256\$(\d+):([^$]+)\$([^:]+):(.+)$/;

/**
 * Whether `password` is the one Postgres stored for `role` (`pg_authid.rolpassword`: a
 * SCRAM-SHA-256 verifier, or an md5 hash). Lets the setup leave a role alone when its password
 * is already right, instead of writing the same password again. Unknown formats answer false.
 */
export function matchesStoredPassword(stored: string | null, role: string, password: string): boolean {
  if (!stored) return false;
  const scram = SCRAM.exec(stored);
  if (scram) {
    const [, iterations, salt, storedKey, serverKey] = scram;
    const salted = pbkdf2Sync(password, Buffer.from(salt!, 'base64'), Number(iterations), 32, 'sha256');
    const clientKey = createHmac('sha256', salted).update('Client Key').digest();
    return (
      same(createHash('sha256').update(clientKey).digest(), Buffer.from(storedKey!, 'base64')) &&
      same(createHmac('sha256', salted).update('Server Key').digest(), Buffer.from(serverKey!, 'base64'))
    );
  }
  if (/^md5[0-9a-f]{32}$/.test(stored)) return same(Buffer.from(`md5${createHash('md5').update(password + role).digest('hex')}`), Buffer.from(stored));
  return false;
}

function same(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
