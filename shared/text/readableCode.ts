/**
 * Codes a person reads out over the phone or compares on paper: a few
 * characters in groups of four ("3F2A 9C1B 77D0"). The content fingerprint's
 * short form and a data file's key code share this one grouping so that
 * people learn one look.
 */
export function groupChars(code: string, size = 4, separator = ' '): string {
  const chars = [...code];
  const groups: string[] = [];
  for (let i = 0; i < chars.length; i += size) groups.push(chars.slice(i, i + size).join(''));
  return groups.join(separator);
}

/** The first 12 hex digits of a SHA-256 fingerprint, upper case, grouped: enough to tell two files apart by eye. */
export function shortFingerprint(hex: string): string {
  return groupChars(hex.slice(0, 12).toUpperCase());
}

/** Crockford's base-32 alphabet: no I, L, O or U, so a code read aloud or copied by hand is not misread. */
const BASE32 = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A data file's key code: 16 base-32 characters (80 bits) of the SHA-256 of
 * its public key, in four groups ("7K3M Q9XD 2F8R W4TN", 19 characters):
 * short enough to compare over the phone, long enough that nobody can make
 * another key with the same code.
 */
export function keyCode(publicKeyDigest: Uint8Array): string {
  let bits = 0;
  let acc = 0;
  let out = '';
  for (const byte of publicKeyDigest) {
    acc = (acc << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < 16) {
      out += BASE32[(acc >>> (bits - 5)) & 31];
      bits -= 5;
    }
    acc &= (1 << bits) - 1;
    if (out.length === 16) break;
  }
  if (out.length < 16) throw new Error('keyCode needs at least 10 bytes of digest');
  return groupChars(out);
}
