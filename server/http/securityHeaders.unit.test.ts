import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, nonceOf } from './securityHeaders';

describe('contentSecurityPolicy', () => {
  it('allows scripts only by nonce, forbids framing and plugins', () => {
    const policy = contentSecurityPolicy('abc+/=');
    expect(policy).toContain("script-src 'self' 'nonce-abc+/=' 'strict-dynamic'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toMatch(/script-src[^;]*unsafe/);
    expect(nonceOf(policy)).toBe('abc+/=');
    expect(nonceOf(undefined)).toBeUndefined();
  });
});
