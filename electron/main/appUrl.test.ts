import { describe, expect, it } from 'vitest';
import { isAppUrl } from './appUrl';

const index = 'file:///opt/ledger/out/renderer/index.html';

describe('isAppUrl', () => {
  it('accepts only the app page itself', () => {
    expect(isAppUrl('file:///opt/ledger/out/renderer/index.html#/ledger', index)).toBe(true);
    expect(isAppUrl('file:///opt/ledger/out/renderer/other.html', index)).toBe(false);
    expect(isAppUrl('file:///etc/passwd', index)).toBe(false);
    expect(isAppUrl('https://example.com/', index)).toBe(false);
    expect(isAppUrl('not a url', index)).toBe(false);
  });
});
