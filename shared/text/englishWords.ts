/**
 * Finding English that would reach a user: messages must be Chinese, yet
 * they rightly name files, formats and codes. A word counts as English when
 * it is letters only, has a lower-case letter and is not on the allow-list;
 * tokens with digits or code punctuation (pub.total, t2.fees:amount,
 * suining-2017, bad_meta, E12, 台账!E12) are codes and pass, and so do what a
 * person typed, echoed in “…”, and a problem code in […]. Tests walk every
 * message of a feature through englishWords (the import's hostile cases,
 * later every catalog key and error code).
 */

/** Names of formats and programs a message may carry as they are written. */
export const ALLOWED_WORDS: ReadonlySet<string> = new Set(
  ['xlsx', 'xls', 'csv', 'tsv', 'et', 'docx', 'pdf', 'png', 'svg', 'zip', 'wps', 'excel', 'word', 'libreoffice', 'openpyxl', 'sqlite', 'json', 'url', 'mb', 'kb', 'gb', 'crc'].map((w) => w.toLowerCase()),
);

const TOKEN = /[A-Za-z0-9_.:\-!$/\\#@%+=]+/g;

/** The English words in a text (empty when it may be shown), each once, in order. */
export function englishWords(text: string, allowed: ReadonlySet<string> = ALLOWED_WORDS): string[] {
  const found: string[] = [];
  // What a person typed or named is echoed in “…”, and a stable problem code in […]: theirs, not ours.
  const ours = text.replace(/“[^”]*”/g, ' ').replace(/\[[a-z_]+\]/g, ' ');
  for (const [token] of ours.matchAll(TOKEN)) {
    // A code: digits or code punctuation inside (dots at the end of a sentence do not count).
    const bare = token.replace(/^[.:!-]+|[.:!-]+$/g, '');
    if (bare === '' || /[0-9_.:\-!$/\\#@%+=]/.test(bare)) continue;
    if (!/[a-z]/.test(bare)) continue;
    if (bare.length < 2) continue;
    if (allowed.has(bare.toLowerCase())) continue;
    if (!found.includes(bare)) found.push(bare);
  }
  return found;
}

/** Every string under the keys people read (message, why, error…) in a JSON-like value, with where it was. */
export function userTexts(value: unknown, keys: ReadonlySet<string> = MESSAGE_KEYS, at = '$'): { at: string; text: string }[] {
  const out: { at: string; text: string }[] = [];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...userTexts(v, keys, `${at}[${i}]`)));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (typeof v === 'string' && keys.has(k)) out.push({ at: `${at}.${k}`, text: v });
      else out.push(...userTexts(v, keys, `${at}.${k}`));
    }
  }
  return out;
}

export const MESSAGE_KEYS: ReadonlySet<string> = new Set(['message', 'why', 'error', 'reason', 'notice']);
