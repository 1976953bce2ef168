import { describe, expect, it } from 'vitest';
import { base32Decode, hotp, secretOfTotpUri, totp } from './totp.js';

// The test vectors of RFC 4226 appendix D and RFC 6238 appendix B (SHA-1).
const rfcKey = Buffer.from('12345678901234567890');
const rfcKeyBase32 = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('the test TOTP helper', () => {
  it('decodes base32', () => {
    expect(base32Decode(rfcKeyBase32).equals(rfcKey)).toBe(true);
    expect(base32Decode('mzxw6ytboi======').toString()).toBe('foobar');
  });

  it('computes RFC 4226 HOTP values', () => {
    expect([0, 1, 2, 9].map((counter) => hotp(rfcKey, counter))).toEqual(['755224', '287082', '359152', '520489']);
  });

  it('computes RFC 6238 TOTP values', () => {
    expect(totp(rfcKeyBase32, new Date(59_000), 30, 8)).toBe('94287082');
    expect(totp(rfcKeyBase32, new Date(1_111_111_109_000), 30, 8)).toBe('07081804');
    expect(totp(rfcKeyBase32, new Date(20_000_000_000_000), 30, 8)).toBe('65353130');
  });

  it('reads the secret of an otpauth URI', () => {
    expect(secretOfTotpUri(`otpauth://totp/Integra:a%40b.org?secret=${rfcKeyBase32}&issuer=Integra`)).toBe(rfcKeyBase32);
  });
});
