/**
 * Test fixture: every test gets its own data folder and a running
 * browser-mode server; `ledger.restart()` stops and starts it again.
 */
import fs from 'node:fs';
import { expect, test as base, type Page } from '@playwright/test';
import { newDataDir, startLedgerServer, type LedgerServer } from './server';

export interface LedgerFixture {
  server: LedgerServer;
  restart(): Promise<LedgerServer>;
}

export const test = base.extend<{ ledger: LedgerFixture }>({
  ledger: async ({}, use) => {
    const dir = newDataDir();
    let server = await startLedgerServer(dir);
    const fixture: LedgerFixture = {
      get server() {
        return server;
      },
      async restart() {
        await server.stop();
        server = await startLedgerServer(dir);
        return server;
      },
    };
    await use(fixture);
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';

/** First-run set-up through the UI. */
export async function setUpUnit(page: Page, opts: { name?: string; code?: string; role?: 'filer' | 'aggregator' } = {}) {
  await page.getByLabel('单位名称').fill(opts.name ?? '遂宁市财政局');
  await page.getByLabel('单位代码').fill(opts.code ?? 'SN-CZJ');
  if (opts.role === 'aggregator') await page.getByLabel('汇总单位（市/县政府办公室）').check();
  await page.getByLabel('填报人姓名（记入修改历史）').fill('李四');
  await page.getByRole('button', { name: '开始使用' }).click();
}

/** Calls the backend as the page does (its token), for set-up a test does not exercise through the UI. */
export async function callApi(page: Page, method: string, body: unknown): Promise<void> {
  const r = await page.evaluate(
    async ([m, b]) => {
      const token = sessionStorage.getItem('ledger.token') ?? '';
      const res = await fetch(`/api/${m}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'x-ledger-token': token }, body: JSON.stringify(b) });
      return (await res.json()) as { ok: boolean };
    },
    [method, body] as const,
  );
  expect(r.ok).toBe(true);
}
