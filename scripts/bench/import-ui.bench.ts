/**
 * The same 500 workbooks imported the way the office does it: in browser
 * mode, Chromium choosing the files on 导入报表 (read in the page, sent to
 * the backend in chunks), the dry run shown, then 确认导入 applying them
 * with the progress bar. Measures from choosing the files to the dry run on
 * screen, and from the click to 导入完成.
 */
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
await page.goto(server.openUrl);
await page.getByRole('link', { name: '导入报表' }).click();

let t = performance.now();
await page.getByTestId('import-files').setInputFiles(units.map((_, i) => fileOf(i)));
const apply = page.getByRole('button', { name: `确认导入 ${N} 个文件` });
await apply.waitFor({ timeout: 300_000 });
const tDry = performance.now() - t;
t = performance.now();
await apply.click();
const done = page.getByRole('status').filter({ hasText: '导入完成' });
await done.waitFor({ timeout: 300_000 });
const tApply = performance.now() - t;
const text = await done.innerText();
await browser.close();
await server.stop();

if (!text.includes(`新增 ${N}`)) throw new Error(`not every file was applied: ${text}`);
console.log(`界面导入（浏览器模式，Chromium）：选择文件 → 显示预演 ${seconds(tDry)}，确认导入 → 完成 ${seconds(tApply)}；合计 ${seconds(tDry + tApply)}，${(N / ((tDry + tApply) / 1000)).toFixed(0)} 个/秒`);
