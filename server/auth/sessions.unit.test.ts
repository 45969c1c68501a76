import { describe, expect, it } from 'vitest';
import { readSessionToken, sessionCookie } from './sessions';

const token = 'A'.repeat(20) + '-_' + 'b'.repeat(21);

describe('readSessionToken', () => {
  it('finds a well-formed token among other cookies', () => {
    expect(readSessionToken(`theme=dark; sid=${token}; x=1`)).toBe(token);
  });

  it('treats a malformed, encoded or oversized sid as no session instead of throwing', () => {
    for (const bad of ['sid=%', 'sid=%E0%A4%A', `sid=${'x'.repeat(100_000)}`, 'sid=', 'sid', `sid=${token}x`, 'sid=a b']) {
      expect(readSessionToken(bad)).toBeUndefined();
    }
    expect(readSessionToken(undefined)).toBeUndefined();
  });

  it('skips a malformed sid that a sibling origin set beside the real one', () => {
    expect(readSessionToken(`sid=%; sid=${token}`)).toBe(token);
  });
});

describe('sessionCookie', () => {
  it('is HttpOnly and SameSite=Lax, and Secure when asked', () => {
    const expires = new Date('2030-01-01T00:00:00Z');
    expect(sessionCookie(token, expires, false)).toMatch(/HttpOnly; SameSite=Lax/);
    expect(sessionCookie(token, expires, false)).not.toMatch(/Secure/);
    expect(sessionCookie(token, expires, true)).toMatch(/; Secure$/);
  });
});
