import { describe, expect, it } from 'vitest';
import { clientAddress, parseTrustedProxies } from '@/lib/http/client-address';

describe('the client address', () => {
  it('is the connection’s address when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(clientAddress('203.0.113.5', '1.2.3.4', parseTrustedProxies(undefined))).toBe('203.0.113.5');
    expect(clientAddress('::ffff:203.0.113.5', '1.2.3.4, 5.6.7.8', parseTrustedProxies(''))).toBe('203.0.113.5');
  });

  it('walks back through trusted proxies only, so a forged left part of the header is ignored', () => {
    const trusted = parseTrustedProxies('10.0.0.0/8, 192.168.1.5, fd00::/8');
    // The load balancer (10.0.0.2) appended what it saw (198.51.100.7); the client wrote the rest.
    expect(clientAddress('10.0.0.2', '1.2.3.4, 198.51.100.7', trusted)).toBe('198.51.100.7');
    expect(clientAddress('10.0.0.2', ['9.9.9.9', '192.168.1.5'], trusted)).toBe('9.9.9.9');
    expect(clientAddress('fd00::1', '198.51.100.8', trusted)).toBe('198.51.100.8');
    // A connection not from a trusted proxy is the client, whatever it claims.
    expect(clientAddress('203.0.113.9', '1.2.3.4', trusted)).toBe('203.0.113.9');
    // Only proxies all the way: the first address is the best there is.
    expect(clientAddress('10.0.0.2', '10.0.0.3', trusted)).toBe('10.0.0.3');
    expect(clientAddress('10.0.0.2', undefined, trusted)).toBe('10.0.0.2');
  });

  it('counts hops when the proxies’ addresses are not known in advance', () => {
    const oneHop = parseTrustedProxies('1');
    expect(clientAddress('10.0.0.2', '1.2.3.4, 198.51.100.7', oneHop)).toBe('198.51.100.7');
    expect(clientAddress('10.0.0.2', '1.2.3.4, 198.51.100.7', parseTrustedProxies('2'))).toBe('1.2.3.4');
    expect(clientAddress('10.0.0.2', undefined, oneHop)).toBe('10.0.0.2');
    expect(clientAddress('10.0.0.2', '198.51.100.7', parseTrustedProxies('0'))).toBe('10.0.0.2');
  });

  it('refuses a setting it cannot read, rather than trusting too much', () => {
    expect(() => parseTrustedProxies('10.0.0.0/8, load-balancer')).toThrow(/TRUSTED_PROXIES/);
    expect(() => parseTrustedProxies('10.0.0.0/x')).toThrow(/TRUSTED_PROXIES/);
  });
});
