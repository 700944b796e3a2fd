/// <reference lib="dom" />
/**
 * The ledger grid as a clerk feels it, in Chromium against browser mode:
 *
 * - the edit round trip: from the keydown (Enter) that commits a typed value
 *   to the first animation frame in which that cell shows its saved state,
 *   measured inside the page (performance.mark + requestAnimationFrame), so
 *   no CDP round trip is counted; beside it, where that time goes: the save
 *   as the page sees it (and of that the server's own time and its commit,
 *   from the Server-Timing header, the network, and the wait for the page's
 *   main thread once the answer is in), the UI's part, the frame wait;
 * - the first render of a year (the seed ledger's whole year, every list
 *   indicator × 12 months + 全年, filled) and of each national table, from
 *   the start of a layout's render to its DOM commit (the grid records it):
 *   the rows a screen shows; then, printed beside it, until every row of
 *   the year is drawn (the rest follow in a transition after the first paint);
 * - 200 keystrokes typed 20 ms apart, read back from the data file, and
 *   whether their saves queued behind one another.
 *
 * LEDGER_BENCH_TRACE=<file>: also writes Chrome's performance trace of the
 * edit round trips (open it in DevTools' Performance panel).
 */
import type { Page } from 'playwright-core';
import nationalJson from '../../resources/templates/national-2021.json';
import suiningJson from '../../resources/templates/suining-2017.json';
import { parseTemplate } from '../../shared/template/validate';
import { cellRef, templateCells } from '../../shared/template/cells';
import { TOKEN_HEADER } from '../../shared/security';
import { launchChromium, startBenchServer } from './browserMode';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const EDITS = 200;
const GOAL = { median: 8, p95: 16, firstRender: 30 };

const server = await startBenchServer();
const call = server.call;
const token = /#token=([^&]+)/.exec(server.openUrl)![1];

/** Reads back through the API what the data file holds. */
async function storedYear(templateId: string, year: number): Promise<Map<string, number>> {
  const res = await fetch(`${server.url}/api/values.getYear`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: token },
    body: JSON.stringify({ templateId, year }),
  });
  const body = (await res.json()) as { ok: boolean; data: { values: { indicator: string; col: string; month: number; value: number }[] } };
  if (!body.ok) throw new Error('values.getYear failed');
  return new Map(body.data.values.map((v) => [`${cellRef(v.indicator, v.col)}|${v.month}`, v.value]));
}

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

// The seed year is on the 2017 template; new files default to the current ledger.
await call('settings.update', { defaultTemplateId: 'suining-2017' });

const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
page.on('pageerror', (e) => console.error('页面错误：', e.message));
// tsx keeps function names with a helper the page does not have; the functions evaluated below name their inner closures.
await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });

/** Polls from Node (waitForFunction's evaluation is blocked by the app's CSP) until the layout is drawn whole. */
async function rendered(p: Page) {
  for (let i = 0; i < 600; i++) {
    if (await p.evaluate(() => performance.getEntriesByName('ledger-grid-render').length > 0 && performance.getEntriesByName('ledger-grid-complete').length > 0)) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('the grid did not render');
}

const clearRenders = (p: Page) =>
  p.evaluate(() => {
    performance.clearMeasures('ledger-grid-render');
    performance.clearMeasures('ledger-grid-complete');
  });

const lastMeasure = (p: Page, name: string) =>
  p.evaluate((n) => {
    const all = performance.getEntriesByName(n);
    return all.length ? all[all.length - 1].duration : NaN;
  }, name);
const lastRender = (p: Page) => lastMeasure(p, 'ledger-grid-render');

async function openYear(year: string) {
  // A fresh document each run (going to the same URL would only change the hash).
  await page.goto('about:blank');
  await page.goto(server.openUrl);
  await page.getByRole('link', { name: '台账录入' }).click();
  await page.getByTestId('ledger-grid').waitFor();
  // The ledger may open on this year already (the latest with figures): then its first render is the one measured.
  if ((await page.getByLabel('年度').inputValue()) !== year) {
    await clearRenders(page);
    await page.getByLabel('年度').fill(year);
  }
  await page.getByTestId(year === '2017' ? 'cell-pub.total-year' : 'ledger-grid').waitFor();
  await rendered(page);
}

const seed: number[] = [];
const seedWhole: number[] = [];
let firstCells = 0;
for (let i = 0; i < RUNS; i++) {
  await openYear('2017');
  seed.push(await lastRender(page));
  firstCells = await page.evaluate(() => {
    const all = performance.getEntriesByName('ledger-grid-render') as PerformanceMeasure[];
    return (all[all.length - 1]?.detail as { cells?: number } | null)?.cells ?? NaN;
  });
  seedWhole.push(await lastMeasure(page, 'ledger-grid-complete'));
}
const cellsShown = await page.locator('td[role="gridcell"]').count();

await call('settings.update', { defaultTemplateId: 'national-2021' });
const national = parseTemplate(nationalJson, 'national-2021.json');
const tables = national.sections.filter((s) => s.kind === 'table').map((s) => s.code);
const byTable = new Map<string, number[]>(tables.map((c) => [c, []]));
for (let i = 0; i < RUNS; i++) {
  await openYear('2021');
  for (const code of [...tables.slice(1), tables[0]]) {
    await clearRenders(page);
    await page.getByLabel('栏目').selectOption(code);
    await rendered(page);
    byTable.get(code)!.push(await lastRender(page));
  }
}

// The edit round trip, one edit at a time down the 2018 columns of the seed template.
await call('settings.update', { defaultTemplateId: 'suining-2017' });
await openYear('2018');
await page.evaluate(() => {
  // Capture on window runs before the grid's own handlers see the key.
  window.addEventListener(
    'keydown',
    (e) => {
      const input = e.target;
      if (e.key !== 'Enter' || !(input instanceof HTMLInputElement) || input.dataset.testid !== 'cell-editor') return;
      const cellId = input.closest('td')?.dataset.testid;
      // Each cell is edited once here, so 'saved' can only be this edit's answer.
      if (!cellId) return;
      const start = performance.now();
      // When the DOM first shows it (the frame then follows at the display's next refresh).
      const td = input.closest('td')!;
      const seen = new MutationObserver(() => {
        if (td.dataset.entry !== 'saved') return;
        performance.measure('ledger-edit-dom', { start, end: performance.now() });
        seen.disconnect();
      });
      seen.observe(td, { attributes: true, attributeFilter: ['data-entry'] });
      const frame = () => {
        const shown = document.querySelector<HTMLElement>(`[data-testid="${cellId}"]`);
        if (shown?.dataset.entry === 'saved') performance.measure('ledger-edit-frame', { start, end: performance.now() });
        else requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    },
    true,
  );
  performance.clearMeasures('ledger-edit-frame');
  // Each save's request, with the server's own timing (Server-Timing), for the split below; the default buffer holds 250.
  performance.setResourceTimingBufferSize(5000);
  performance.clearResourceTimings();
});
const rowCount = await page.locator('tr[aria-rowindex]').count();
const trace = process.env.LEDGER_BENCH_TRACE;
if (trace) await browser.startTracing(page, { path: trace, screenshots: false });
for (let i = 0; i < EDITS; i++) {
  if (i % rowCount === 0) await page.getByTestId(`cell-pub.total-${1 + i / rowCount}`).click();
  await page.keyboard.type(String(i + 1));
  await page.keyboard.press('Enter');
  const shown = await page.evaluate(
    (n) =>
      new Promise<boolean>((resolve) => {
        const until = performance.now() + 5000;
        const check = () => {
          if (performance.getEntriesByName('ledger-edit-frame').length > n) resolve(true);
          else if (performance.now() > until) resolve(false);
          else setTimeout(check, 4);
        };
        check();
      }),
    i,
  );
  if (!shown) throw new Error(`edit ${i + 1} never showed as saved`);
}
if (trace) await browser.stopTracing();
const frames = await page.evaluate(() => performance.getEntriesByName('ledger-edit-frame').map((e) => e.duration));
const saves = await page.evaluate(() => performance.getEntriesByName('ledger-save').map((e) => e.duration));
const doms = await page.evaluate(() => performance.getEntriesByName('ledger-edit-dom').map((e) => e.duration));
/** Each values.set as the network saw it (page time) and as the server timed it (Server-Timing), in order. */
const requests = await page.evaluate(() =>
  (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
    .filter((e) => e.name.endsWith('/api/values.set'))
    .map((e) => {
      const dur = (name: string) => e.serverTiming.find((t) => t.name === name)?.duration ?? NaN;
      return { start: e.startTime, end: e.responseEnd, server: dur('total'), commit: dur('commit') };
    }),
);
const saveEnds = await page.evaluate(() => performance.getEntriesByName('ledger-save').map((e) => e.startTime + e.duration));

// 200 keystrokes 20 ms apart: 40 figures of four digits, each followed by Enter, down 2019's 1月.
await openYear('2019');
await page.getByTestId('cell-pub.total-1').click();
const figures = Array.from({ length: 40 }, (_, i) => 1000 + i * 7);
await page.keyboard.type(figures.map((f) => `${f}\n`).join(''), { delay: 20 });
const refs = await page.locator('tr[aria-rowindex]').evaluateAll((trs: Element[]) =>
  trs.map((tr) => tr.querySelector<HTMLElement>('td[role="gridcell"]')!.dataset.testid!.replace(/^cell-/, '').replace(/-1$/, '')),
);
for (let i = 0; i < 400 && (await page.getByTestId('count-unsaved').count()) > 0; i++) await new Promise((r) => setTimeout(r, 25));
const waits = await page.evaluate(() => performance.getEntriesByName('ledger-save-wait').map((e) => e.duration));
const stored = await storedYear('suining-2017', 2019);
const lost = figures.filter((f, i) => stored.get(`${refs[i]}|1`) !== f).length;

await browser.close();
await server.stop();

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)];
const p95 = (xs: number[]) => sorted(xs)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];
const verdict = (ok: boolean) => (ok ? '达标' : '未达标');

const m = median(seed);
console.log(`台账首次渲染（2017 全年，首屏可见的行：${firstCells} 个单元格，Chromium，${RUNS} 次）：中位数 ${m.toFixed(1)} ms（目标 ≤ ${GOAL.firstRender} ms，${verdict(m <= GOAL.firstRender)}）`);
console.log(`  其余行随后补齐（首屏绘出后，在过渡更新中）：到全部 ${cellsShown} 个单元格绘出共 中位数 ${median(seedWhole).toFixed(1)} ms`);
for (const [code, xs] of byTable) {
  const mt = median(xs);
  console.log(`国家表格 ${code} 首次渲染（${RUNS} 次）：中位数 ${mt.toFixed(1)} ms（目标 ≤ ${GOAL.firstRender} ms，${verdict(mt <= GOAL.firstRender)}）`);
}
const fm = median(frames);
const fp = p95(frames);
console.log(
  `编辑往返（回车 → 该单元格显示已保存的第一帧，页面内测量，${frames.length}/${EDITS} 次）：中位数 ${fm.toFixed(1)} ms（目标 ≤ ${GOAL.median} ms，${verdict(fm <= GOAL.median)}），p95 ${fp.toFixed(1)} ms（目标 ≤ ${GOAL.p95} ms，${verdict(fp <= GOAL.p95)}）`,
);
// One save per edit here, so the i-th of each list belongs to the i-th edit.
if (saves.length === frames.length && doms.length === frames.length) {
  const ui = doms.map((d, i) => d - saves[i]);
  const wait = frames.map((f, i) => f - doms[i]);
  const stat = (xs: number[]) => `中位数 ${median(xs).toFixed(1)} ms，p95 ${p95(xs).toFixed(1)} ms`;
  console.log(`  其中 保存本身（页面所见：请求发出 → 数据文件的应答交到界面，HTTP + SQLite）：${stat(saves)}`);
  if (requests.length === saves.length) {
    console.log(`         服务器处理（收到请求 → 写出应答，Server-Timing）：${stat(requests.map((r) => r.server))}；其中提交（COMMIT，含 WAL 的 fsync）：${stat(requests.map((r) => r.commit))}`);
    console.log(`         网络往返（页面 ↔ 127.0.0.1，不含服务器处理）：${stat(requests.map((r) => r.end - r.start - r.server))}`);
    console.log(`         应答收齐后等待页面主线程（浏览器收齐应答 → 界面代码拿到应答）：${stat(requests.map((r, i) => saveEnds[i] - r.end))}`);
  }
  console.log(`       界面自身（回车处理 + 应答 → 单元格显示已保存）：中位数 ${median(ui).toFixed(1)} ms，p95 ${p95(ui).toFixed(1)} ms`);
  console.log(`       等待下一帧（显示刷新）：中位数 ${median(wait).toFixed(1)} ms，p95 ${p95(wait).toFixed(1)} ms`);
}
console.log(`快速键入（200 次按键，间隔 20 ms，${figures.length} 个数）：数据文件中丢失或不符 ${lost} 个（目标 0，${verdict(lost === 0)}）`);
console.log(
  `  保存排队（每次保存在写入队列中等前面的保存）：${waits.length} 次保存，排队超过 1 ms 的 ${waits.filter((w) => w > 1).length} 次，最长 ${Math.max(0, ...waits).toFixed(1)} ms`,
);
