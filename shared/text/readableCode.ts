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
