import { describe, expect, it } from 'vitest';
import { messages } from '../i18n/catalog';
import { PAGES } from './pages';

describe('navigation', () => {
  it('lists each page once, 首页 first and 设置 last, each with a label in the catalog', () => {
    const ids = PAGES.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]).toBe('home');
    expect(ids[ids.length - 1]).toBe('settings');
    for (const p of PAGES) expect(messages[p.label]).toMatch(/[\u4e00-\u9fff]/);
  });
});
