import { describe, expect, it } from 'vitest';
import { groupChars, keyCode, shortFingerprint } from './readableCode';

describe('readable codes', () => {
  it('groups by four, the last group shorter when it must be', () => {
    expect(groupChars('ABCDEFGHIJ')).toBe('ABCD EFGH IJ');
    expect(groupChars('ABCDEFGH', 4, '-')).toBe('ABCD-EFGH');
    expect(groupChars('')).toBe('');
  });

  it('shortens a fingerprint to 12 upper-case digits in three groups', () => {
    expect(shortFingerprint('3f2a9c1b77d0e5aa' + '0'.repeat(48))).toBe('3F2A 9C1B 77D0');
  });

  it('writes a key code as 16 base-32 characters in four groups, from the digest\'s first 80 bits', () => {
    expect(keyCode(new Uint8Array(32))).toBe('0000 0000 0000 0000');
    expect(keyCode(new Uint8Array(32).fill(255))).toBe('ZZZZ ZZZZ ZZZZ ZZZZ');
    // 0x08 0x42 = 00001 00001 00001 0…: one bit per group of five.
    expect(keyCode(new Uint8Array([0x08, 0x42, 0x10, 0x84, 0x21, 0x08, 0x42, 0x10, 0x84, 0x21]))).toBe('1111 1111 1111 1111');
    expect(keyCode(new Uint8Array(32).fill(7))).not.toBe(keyCode(new Uint8Array(32).fill(6)));
    expect(() => keyCode(new Uint8Array(9))).toThrow();
  });
});
