import { describe, expect, it } from 'vitest';
import { requestOrigin } from './clientAddress';

const request = (peer: string, headers: Record<string, string | string[]> = {}, encrypted = false) => ({
  headers,
  socket: { remoteAddress: peer, encrypted },
});

describe('requestOrigin', () => {
  it('believes only the socket when no proxy is trusted', () => {
    const origin = requestOrigin(request('203.0.113.9', { 'x-forwarded-for': '1.2.3.4', 'x-forwarded-proto': 'https' }), 0);
    expect(origin).toEqual({ address: '203.0.113.9', https: false });
    expect(requestOrigin(request('203.0.113.9', {}, true), 0).https).toBe(true);
  });

  it('takes the address the trusted proxy saw, whatever the client wrote further left', () => {
    const forged = request('10.0.0.2', { 'x-forwarded-for': '6.6.6.6, 198.51.100.7', 'x-forwarded-proto': 'https' });
    expect(requestOrigin(forged, 1)).toEqual({ address: '198.51.100.7', https: true });
    const twoProxies = request('10.0.0.3', { 'x-forwarded-for': ['6.6.6.6, 198.51.100.7', '10.0.0.2'] });
    expect(requestOrigin(twoProxies, 2).address).toBe('198.51.100.7');
  });

  it('falls back to the furthest known hop when fewer proxies answered than trusted', () => {
    expect(requestOrigin(request('10.0.0.2'), 1).address).toBe('10.0.0.2');
    expect(requestOrigin(request('10.0.0.2', { 'x-forwarded-for': '198.51.100.7' }), 3).address).toBe('198.51.100.7');
  });

  it('reads the nearest proxy scheme, the last one listed', () => {
    expect(requestOrigin(request('10.0.0.2', { 'x-forwarded-proto': 'https, http' }), 1).https).toBe(false);
    expect(requestOrigin(request('10.0.0.2', { 'x-forwarded-proto': 'HTTPS' }), 1).https).toBe(true);
  });
});
