/**
 * First render of the ledger grid in Chromium against browser mode: the
 * seed ledger's whole year (every list indicator × 12 months + 全年, filled)
 * and each national table. The grid records a performance measure from the
 * start of a layout's render to its DOM commit; this reads them back.
 */
import type { Page } from 'playwright-core';
import nationalJson from '../../resources/templates/national-2021.json';
import suiningJson from '../../resources/templates/suining-2017.json';
import { parseTemplate } from '../../shared/template/validate';
import { templateCells } from '../../shared/template/cells';
import { launchChromium, startBenchServer } from './browserMode';

const RUNS = 15;
const server = await startBenchServer();
const call = server.call;

await call('setup.init', { unitCode: 'BENCH', unitName: '基准测试单位', role: 'filer', operator: '测试' });
for (const [json, year] of [
  [suiningJson, 2017],
  [nationalJson, 2021],
] as const) {
  const template = parseTemplate(json, `${json.id}.json`);
  const cells = [...templateCells(template).values()].flatMap((c) =>
    Array.from({ length: 12 }, (_, i) => ({ month: i + 1, indicator: c.indicator, col: c.col, raw: String((i * 37 + c.ref.length * 11) % 500) })),
  );
  for (let i = 0; i < cells.length; i += 5000) await call('values.setMany', { templateId: template.id, year, cells: cells.slice(i, i + 5000) });
}

const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
page.on('pageerror', (e) => console.error('页面错误：', e.message));

/** Polls from Node: waitForFunction's evaluation is blocked by the app's CSP. */
async function rendered(p: Page) {
  for (let i = 0; i < 600; i++) {
    if (await p.evaluate(() => performance.getEntriesByName('ledger-grid-render').length > 0)) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('the grid did not render');
}

const lastRender = (p: Page) =>
  p.evaluate(() => {
    const all = performance.getEntriesByName('ledger-grid-render');
    return all.length ? all[all.length - 1].duration : NaN;
  });

async function openYear(year: string) {
  // A fresh document each run (going to the same URL would only change the hash).
  await page.goto('about:blank');
  await page.goto(server.openUrl);
  await page.getByRole('link', { name: '台账录入' }).click();
  await page.getByTestId('ledger-grid').waitFor();
  // The ledger may open on this year already (the latest with figures): then its first render is the one measured.
  if ((await page.getByLabel('年度').inputValue()) !== year) {
    await page.evaluate(() => performance.clearMeasures('ledger-grid-render'));
    await page.getByLabel('年度').fill(year);
  }
  await page.getByTestId(year === '2017' ? 'cell-pub.total-year' : 'ledger-grid').waitFor();
  await rendered(page);
}

const seed: number[] = [];
for (let i = 0; i < RUNS; i++) {
  await openYear('2017');
  seed.push(await lastRender(page));
}
const cellsShown = await page.locator('td[role="gridcell"]').count();

await call('settings.update', { defaultTemplateId: 'national-2021' });
const national = parseTemplate(nationalJson, 'national-2021.json');
const tables = national.sections.filter((s) => s.kind === 'table').map((s) => s.code);
const byTable = new Map<string, number[]>(tables.map((c) => [c, []]));
for (let i = 0; i < RUNS; i++) {
  await openYear('2021');
  for (const code of [...tables.slice(1), tables[0]]) {
    await page.evaluate(() => performance.clearMeasures('ledger-grid-render'));
    await page.getByLabel('栏目').selectOption(code);
    await rendered(page);
    byTable.get(code)!.push(await lastRender(page));
  }
}

// Edit round trip seen from the UI: typed value → values.set over HTTP → SQLite (synchronous=FULL) → acknowledged.
await call('settings.update', { defaultTemplateId: 'suining-2017' });
await openYear('2018');
await page.evaluate(() => performance.clearMeasures('ledger-edit-ack'));
// One edit at a time, as the transport bench does: each is typed, then acknowledged before the next.
const EDITS = 200;
const rowCount = await page.locator('tr[aria-rowindex]').count();
let acks: number[] = [];
for (let i = 0; i < EDITS; i++) {
  if (i % rowCount === 0) await page.getByTestId(`cell-pub.total-${1 + i / rowCount}`).click();
  await page.keyboard.type(String(i + 1));
  await page.keyboard.press('Enter');
  for (let k = 0; k < 400; k++) {
    acks = await page.evaluate(() => performance.getEntriesByName('ledger-edit-ack').map((e) => e.duration));
    if (acks.length > i) break;
    await new Promise((r) => setTimeout(r, 2));
  }
}
const savedCells = await page.locator('[data-entry="saved"]').count();

await browser.close();
await server.stop();

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const verdict = (ms: number) => (ms <= 100 ? '达标' : '未达标');
const m = median(seed);
console.log(`台账首次渲染（2017 全年，${cellsShown} 个单元格，Chromium，${RUNS} 次）：中位数 ${m.toFixed(1)} ms（目标 ≤ 100 ms，${verdict(m)}）`);
for (const [code, xs] of byTable) {
  const mt = median(xs);
  console.log(`国家表格 ${code} 首次渲染（${RUNS} 次）：中位数 ${mt.toFixed(1)} ms（目标 ≤ 100 ms，${verdict(mt)}）`);
}
if (savedCells !== EDITS) console.log(`警告：${EDITS} 次编辑中只有 ${savedCells} 个单元格显示已保存`);
const sortedAcks = [...acks].sort((a, b) => a - b);
const ackMedian = median(acks);
console.log(
  `界面编辑往返（键入 → 保存 → 界面确认，${acks.length}/${EDITS} 次）：中位数 ${ackMedian.toFixed(2)} ms，p95 ${sortedAcks[Math.floor(sortedAcks.length * 0.95)].toFixed(2)} ms（目标中位数 ≤ 5 ms，${ackMedian <= 5 ? '达标' : '未达标'}）`,
);
