import { describe, expect, it } from 'vitest';
import { groupChars, shortFingerprint } from './readableCode';

describe('readable codes', () => {
  it('groups by four, the last group shorter when it must be', () => {
    expect(groupChars('ABCDEFGHIJ')).toBe('ABCD EFGH IJ');
    expect(groupChars('ABCDEFGH', 4, '-')).toBe('ABCD-EFGH');
    expect(groupChars('')).toBe('');
  });

  it('shortens a fingerprint to 12 upper-case digits in three groups', () => {
    expect(shortFingerprint('3f2a9c1b77d0e5aa' + '0'.repeat(48))).toBe('3F2A 9C1B 77D0');
  });
});
