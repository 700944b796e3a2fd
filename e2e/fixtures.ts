/**
 * Test fixture: every test gets its own data folder and a running
 * browser-mode server; `ledger.restart()` stops and starts it again.
 */
import fs from 'node:fs';
import { test as base, type Page } from '@playwright/test';
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
