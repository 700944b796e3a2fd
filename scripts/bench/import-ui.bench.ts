/**
 * The same 500 workbooks imported the way the office does it: in browser
 * mode, Chromium choosing the files on 导入报表 (read in the page, sent to
 * the backend in chunks), the dry run shown, then 确认导入 applying them
 * with the progress bar. Measures from choosing the files to the dry run on
 * screen, and from the click to 导入完成, and prints where that time went:
 * the page's Resource Timing of each API call (when it was sent, when its
 * answer was in) beside the server's own Server-Timing (receiving the body,
 * the call, writing the JSON), so that the rest is the page's own work.
 *
 * LEDGER_BENCH_TRACE=<file>: also writes Chrome's performance trace of the
 * page (open it in DevTools' Performance panel). LEDGER_BENCH_PROFILE=<dir>:
 * the server writes a CPU profile there (browserMode.ts).
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { ensureBenchWorkbooks, fileOf, N, seconds, units } from './benchWorkbooks';
import { launchChromium, startBenchServer } from './browserMode';

const server = await startBenchServer();
const call = server.call;
console.log((await ensureBenchWorkbooks()).line);

await call('setup.init', { unitCode: 'TEST-01', unitName: '测试市', role: 'aggregator', operator: '测试' });
for (const u of units) await call('units.create', { code: u.code, name: u.name, kind: '部门', parentCode: 'TEST-01' });

const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
page.on('pageerror', (e) => console.error('页面错误：', e.message));
// Hundreds of calls: the default buffer keeps 250 entries.
await page.addInitScript(() => performance.setResourceTimingBufferSize(100_000));
await page.goto(server.openUrl);
await page.getByRole('link', { name: '导入报表' }).click();
const trace = process.env.LEDGER_BENCH_TRACE;
if (trace) await browser.startTracing(page, { path: trace, screenshots: false });

const pageNow = () => page.evaluate(() => performance.now());
// The page's own work (main thread: tasks, script, layout, style) and the server's CPU time, per phase: load on the
// machine stretches the wall-clock figures, much less these.
const cdp = await page.context().newCDPSession(page);
await cdp.send('Performance.enable');
type Work = { server: number } & Record<'TaskDuration' | 'ScriptDuration' | 'LayoutDuration' | 'RecalcStyleDuration', number>;
async function work(): Promise<Work> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const of = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  return { server: server.cpuMs(), TaskDuration: of('TaskDuration'), ScriptDuration: of('ScriptDuration'), LayoutDuration: of('LayoutDuration'), RecalcStyleDuration: of('RecalcStyleDuration') };
}
const workLine = (a: Work, b: Work) =>
  `服务端 CPU ${(b.server - a.server).toFixed(0)} ms；页面主线程 ${(b.TaskDuration - a.TaskDuration).toFixed(0)} ms（脚本 ${(b.ScriptDuration - a.ScriptDuration).toFixed(0)}，布局 ${(b.LayoutDuration - a.LayoutDuration).toFixed(0)}，样式 ${(b.RecalcStyleDuration - a.RecalcStyleDuration).toFixed(0)}）`;

const w0 = await work();
let pageStart = await pageNow();
let t = performance.now();
await page.getByTestId('import-files').setInputFiles(units.map((_, i) => fileOf(i)));
// Waited for by CSS, not by role: Playwright polls the page while it waits, and a role query walks every element
// of 500 rows each time (under load it took 1.5 s of the page's main thread during applying, a third of its work).
const apply = page.locator('.import-page button.primary', { hasText: `确认导入 ${N} 个文件` });
await apply.waitFor({ timeout: 300_000 });
const tDry = performance.now() - t;
const w1 = await work();
const dryStart = pageStart;
pageStart = await pageNow();
t = performance.now();
await apply.click();
const done = page.locator('.import-page p.notice[role="status"]', { hasText: '导入完成' });
await done.waitFor({ timeout: 300_000 });
const tApply = performance.now() - t;
const w2 = await work();
const text = await done.innerText();

interface Call {
  method: string;
  /** Page clock, ms. */
  sent: number;
  answered: number;
  bytes: number;
  body: number;
  call: number;
  json: number;
}
const calls: Call[] = await page.evaluate(() =>
  (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
    .filter((e) => e.name.includes('/api/import.'))
    .map((e) => {
      // No named helpers in here: tsx would wrap them in a __name() the page lacks.
      const st = Object.fromEntries(e.serverTiming.map((s) => [s.name, s.duration]));
      return { method: e.name.split('/api/')[1], sent: e.startTime, answered: e.responseEnd, bytes: e.decodedBodySize, body: st.body ?? 0, call: st.call ?? 0, json: st.json ?? 0 };
    }),
);
if (trace) await browser.stopTracing();
await browser.close();
await server.stop();

if (!text.includes(`新增 ${N}`)) throw new Error(`not every file was applied: ${text}`);
console.log(`界面导入（浏览器模式，Chromium）：选择文件 → 显示预演 ${seconds(tDry)}，确认导入 → 完成 ${seconds(tApply)}；合计 ${seconds(tDry + tApply)}，${(N / ((tDry + tApply) / 1000)).toFixed(0)} 个/秒`);

const ms = (v: number) => `${v.toFixed(0)} ms`;
const sum = (xs: Call[], f: (c: Call) => number) => xs.reduce((s, c) => s + f(c), 0);
/** A phase's calls, from the phase's start (page clock) to its end on screen. */
function breakdown(title: string, start: number, total: number, methods: string[]) {
  const xs = calls.filter((c) => methods.includes(c.method) && c.sent >= start && c.sent <= start + total).sort((a, b) => a.sent - b.sent);
  if (xs.length === 0) return;
  const server = sum(xs, (c) => c.body + c.call + c.json);
  // The page keeps two uploads in flight: the time some call was in flight, not the sum of their times.
  let inFlight = 0;
  let reach = -Infinity;
  for (const c of xs) {
    inFlight += Math.max(0, c.answered - Math.max(c.sent, reach));
    reach = Math.max(reach, c.answered);
  }
  const last = xs.reduce((a, b) => (b.answered > a.answered ? b : a));
  const parts = [
    `调用 ${xs.length} 次`,
    `首个调用发出前 ${ms(xs[0].sent - start)}`,
    `有调用在途 ${ms(inFlight)}（服务端各调用合计 ${ms(server)}：接收 ${ms(sum(xs, (c) => c.body))}，处理 ${ms(sum(xs, (c) => c.call))}（含等候前一调用），写 JSON ${ms(sum(xs, (c) => c.json))}）`,
    `无调用在途 ${ms(last.answered - xs[0].sent - inFlight)}`,
    `最后答复后到显示 ${ms(total - (last.answered - start))}`,
    `答复共 ${(sum(xs, (c) => c.bytes) / 1048576).toFixed(2)} MB`,
  ];
  console.log(`  ${title}：${parts.join('；')}`);
  const byMethod = new Map<string, Call[]>();
  for (const c of xs) byMethod.set(c.method, [...(byMethod.get(c.method) ?? []), c]);
  for (const [m, cs] of byMethod) {
    const slowest = cs.reduce((a, b) => (b.call > a.call ? b : a));
    console.log(`    ${m}：${cs.length} 次，服务端处理 ${ms(sum(cs, (c) => c.call))}（最慢 ${ms(slowest.call)}），答复 ${(sum(cs, (c) => c.bytes) / 1024).toFixed(0)} KB`);
  }
}
breakdown('预演', dryStart, tDry, ['import.begin', 'import.add', 'import.plan']);
console.log(`    ${workLine(w0, w1)}`);
breakdown('导入', pageStart, tApply, ['import.apply', 'import.log']);
console.log(`    ${workLine(w1, w2)}`);
const [l1, l5] = os.loadavg();
console.log(`  负载（uptime）：${l1.toFixed(2)}（1 分钟），${l5.toFixed(2)}（5 分钟），${os.cpus().length} 核`);
