/**
 * Speed at scale (issue 19), measured as people run it: whole processes.
 *
 * - CLI start-up: `node out/cli/ledger.mjs templates` beside a bare `node -e ''`
 *   (goal ≤ 150 ms); `npm run ledger -- templates` adds npm's own start.
 * - CLI merge against the peer, the openpyxl script of an office power user
 *   (`/usr/bin/python3 ../shared/bench/openpyxl_merge.py <folder> <out>`,
 *   unchanged): the 500 bench workbooks and 10,000 made the same way (once,
 *   cached), runs paired and alternating (ours, peer, ours, …) so both see
 *   the same load, medians, the ratio (goal ≤ 1/8, aim 1/10) and peak memory
 *   (maxRSS, /usr/bin/time; goal ≤ 300 MiB at 10,000, time per workbook no
 *   worse than at 500).
 * - Province roll-up: level totals of the current template for any level and
 *   period over 10 years × 500 units (goal ≤ 50 ms per query).
 *
 * LEDGER_BENCH_RUNS (default 5) sets the pairs; LEDGER_BENCH_SIZES (default
 * "500,10000") the batches (generating the 10,000 takes a quarter of an hour
 * the first time); LEDGER_BENCH_PARTS (default "startup,merge,rollup") which
 * parts run, e.g. "startup,rollup" to skip the merges.
 * Figures are printed, never asserted.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { templateCells } from '../../shared/template/cells';
import { levelTotals } from '../../electron/backend/office/totals';
import { replaceMonths } from '../../electron/backend/store/values';
import { settingsOf } from '../../electron/backend/appSettings';
import { tempBackend, tempDir } from '../../electron/backend/testing/tempBackend';
import { openBackend } from '../../electron/backend/backend';
import { defaultResourcesDir } from '../../electron/backend/paths';
// @ts-expect-error -- plain JavaScript without declarations, run by node directly
import { ensureCliBundle } from '../ledger.mjs';
import { benchUnits, ensureWorkbookFolder, N } from './benchWorkbooks';

const root = path.resolve(import.meta.dirname, '..', '..');
const RUNS = Number(process.env.LEDGER_BENCH_RUNS ?? 5);
const SIZES = (process.env.LEDGER_BENCH_SIZES ?? `${N},10000`).split(',').map(Number).filter((n) => n > 0);
const PEER = [path.resolve(root, '..', 'shared', 'bench', 'openpyxl_merge.py'), '/work/shared/bench/openpyxl_merge.py'].find((f) => fs.existsSync(f));
const PARTS = new Set((process.env.LEDGER_BENCH_PARTS ?? 'startup,merge,rollup').split(',').map((p) => p.trim()));
const bundle: string = ensureCliBundle({ quiet: true });
const work = tempDir('ledger-scale-bench-');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => `${x.toFixed(0)} ms`;
const s = (x: number) => `${(x / 1000).toFixed(2)} s`;
const mib = (kb: number) => `${(kb / 1024).toFixed(0)} MiB`;

/** One whole process: wall time (ms), CPU time (user + system, ms) and peak resident memory (KiB, /usr/bin/time). */
function timed(cmd: string, args: string[]): { ms: number; cpuMs: number; rssKb: number; out: string } {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', 'CPU %U %S MAXRSS %M', cmd, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const elapsed = performance.now() - t0;
  const m = /CPU ([\d.]+) ([\d.]+) MAXRSS (\d+)\s*$/.exec(r.stderr);
  if (!m) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr.slice(-500)}`);
  return { ms: elapsed, cpuMs: 1000 * (Number(m[1]) + Number(m[2])), rssKb: Number(m[3]), out: r.stdout };
}

function load(): string {
  const [one, five] = os.loadavg();
  return `负载 ${one.toFixed(1)} / ${five.toFixed(1)}（1/5 分钟，${os.cpus().length} 核）`;
}

// 1. Start-up.
if (PARTS.has('startup')) {
  const db = path.join(work, 'startup.sqlite');
  timed(process.execPath, [bundle, 'templates', '--db', db]);
  const bare: { ms: number; cpuMs: number }[] = [];
  const ours: { ms: number; cpuMs: number }[] = [];
  const npm: number[] = [];
  for (let i = 0; i < 11; i++) {
    bare.push(timed(process.execPath, ['-e', '']));
    ours.push(timed(process.execPath, [bundle, 'templates', '--db', db]));
    if (i < 3) npm.push(timed('npm', ['run', '-s', 'ledger', '--', 'templates', '--db', db]).ms);
  }
  const wall = (xs: { ms: number }[]) => median(xs.map((x) => x.ms));
  const cpu = (xs: { cpuMs: number }[]) => median(xs.map((x) => x.cpuMs));
  console.log(
    `CLI 启动（${load()}）：node ${path.relative(root, bundle)} templates 中位数 ${ms(wall(ours))}（目标 ≤ 150 ms），空的 node -e '' ${ms(wall(bare))}，相差 ${ms(wall(ours) - wall(bare))}；` +
      `CPU 时间（用户 + 系统，负载下比墙钟可信）${ms(cpu(ours))}，空的 node ${ms(cpu(bare))}，相差 ${ms(cpu(ours) - cpu(bare))}；经 npm run ledger ${ms(median(npm))}`,
  );
}

// 2. CLI merge against the peer.
/** A data file of an office with the n bench units in its directory (made once per size, copied for each run). */
async function officeFile(n: number): Promise<string> {
  const b = await tempBackend({ role: 'aggregator', dir: path.join(work, `office-${n}`) });
  const db = b.ctx.store.db;
  db.transaction(() => {
    const parent = (db.prepare("SELECT id FROM units WHERE code = 'TEST-01'").get() as { id: number }).id;
    const ins = db.prepare("INSERT INTO units (code, name, kind, parent_id, created_at, updated_at) VALUES (?, ?, '部门', ?, '', '')");
    for (const u of benchUnits(n)) ins.run(u.code, u.name, parent);
  })();
  const file = b.ctx.store.file;
  b.close();
  return file;
}

async function versusPeer(n: number): Promise<{ perWorkbook: number }> {
  const { dir, line, bytes } = await ensureWorkbookFolder(n);
  console.log(line);
  const base = await officeFile(n);
  const ours: { ms: number; cpuMs: number; rssKb: number }[] = [];
  const peer: { ms: number; cpuMs: number; rssKb: number }[] = [];
  for (let i = 0; i < RUNS; i++) {
    const db = path.join(work, `run-${n}-${i}`, 'ledger.sqlite');
    fs.mkdirSync(path.dirname(db));
    fs.copyFileSync(base, db);
    const r = timed(process.execPath, [bundle, 'merge', dir, '--db', db]);
    if (!r.out.includes(`新增 ${n}，`)) throw new Error(`merge did not import every file: ${r.out.slice(-300)}`);
    ours.push(r);
    fs.rmSync(path.dirname(db), { recursive: true, force: true });
    if (PEER) {
      const out = path.join(work, `peer-${n}.sqlite`);
      peer.push(timed('/usr/bin/python3', [PEER, dir, out]));
      fs.rmSync(out, { force: true });
    }
    const pair = PEER
      ? `，openpyxl 脚本 ${s(peer[i].ms)}（CPU ${s(peer[i].cpuMs)}，${mib(peer[i].rssKb)}），比值 ${(ours[i].ms / peer[i].ms).toFixed(3)}（CPU ${(ours[i].cpuMs / peer[i].cpuMs).toFixed(3)}）`
      : '';
    console.log(`  第 ${i + 1} 对：本软件 ${s(ours[i].ms)}（CPU ${s(ours[i].cpuMs)}，${mib(ours[i].rssKb)}）${pair}（${load()}）`);
  }
  const mine = median(ours.map((r) => r.ms));
  const theirs = PEER ? median(peer.map((r) => r.ms)) : NaN;
  const ratios = PEER ? ours.map((r, i) => r.ms / peer[i].ms) : [];
  // CPU time (user + system) is what the shared machine's load disturbs least.
  const cpuRatio = PEER ? median(ours.map((r, i) => r.cpuMs / peer[i].cpuMs)) : NaN;
  console.log(
    `CLI merge ${n} 个工作簿（${(bytes / 1048576).toFixed(0)} MB，${RUNS} 对交替运行，中位数）：本软件 ${s(mine)}，每个 ${(mine / n).toFixed(2)} ms，峰值内存 ${mib(Math.max(...ours.map((r) => r.rssKb)))}` +
      (PEER
        ? `；openpyxl 脚本 ${s(theirs)}，峰值内存 ${mib(Math.max(...peer.map((r) => r.rssKb)))}；比值 ${(mine / theirs).toFixed(3)}（各对 ${ratios.map((x) => x.toFixed(2)).join('、')}；目标 ≤ 0.125，力争 0.1）；CPU 时间比值（各对中位数）${cpuRatio.toFixed(3)}，本软件 CPU 中位数 ${s(median(ours.map((r) => r.cpuMs)))}`
        : '；未找到 openpyxl 脚本（../shared/bench/openpyxl_merge.py），只测本软件'),
  );
  return { perWorkbook: mine / n };
}

try {
  const perWorkbook = new Map<number, number>();
  for (const n of PARTS.has('merge') ? SIZES : []) perWorkbook.set(n, (await versusPeer(n)).perWorkbook);
  if (perWorkbook.size > 1) {
    console.log(`每个工作簿用时：${[...perWorkbook].map(([n, t]) => `${n} 个 ${t.toFixed(2)} ms`).join('，')}（目标：10000 个不比 ${N} 个时慢；峰值内存目标 ≤ 300 MiB）`);
  }

  // 3. Province roll-up: 10 years × 500 units under 10 counties, the current template.
  if (PARTS.has('rollup')) await provinceRollup();
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}

async function provinceRollup(): Promise<void> {
  const b = await tempBackend({ role: 'aggregator', dir: path.join(work, 'province') });
  const db = b.ctx.store.db;
  const template = b.ctx.templates.get(settingsOf(b.ctx).defaultTemplateId)!;
  const cells = [...templateCells(template).keys()];
  const rootId = (db.prepare("SELECT id FROM units WHERE code = 'TEST-01'").get() as { id: number }).id;
  const ins = db.prepare('INSERT INTO units (code, name, kind, parent_id, created_at, updated_at) VALUES (?, ?, ?, ?, \'\', \'\')');
  const counties: number[] = [];
  const departments: number[] = [];
  db.transaction(() => {
    for (let c = 0; c < 10; c++) {
      const county = Number(ins.run(`P${c}`, `测试县${c}`, '县区', rootId).lastInsertRowid);
      counties.push(county);
      for (let d = 0; d < 49; d++) departments.push(Number(ins.run(`P${c}-${d}`, `测试县${c}部门${d}`, '部门', county).lastInsertRowid));
    }
  })();
  const units = [...counties, ...departments].slice(0, 500);
  const YEARS = Array.from({ length: 10 }, (_, i) => 2016 + i);
  let t0 = performance.now();
  for (const year of YEARS) {
    const months = units.flatMap((unitId, u) =>
      Array.from({ length: 12 }, (_, m) => ({ unitId, templateId: template.id, year, month: m + 1, values: new Map(cells.map((ref, k) => [ref, (u * 7 + m * 3 + k + year) % 50])) })),
    );
    replaceMonths(db, months, { operator: '基准', source: 'import' });
  }
  console.log(`全省汇总数据：${units.length} 个单位 × ${YEARS.length} 年 × 12 个月，模板 ${template.id}（${cells.length} 个指标单元），写入用时 ${s(performance.now() - t0)}`);
  const queries: [string, number, number, number, number][] = [];
  for (const year of [2016, 2020, 2025]) {
    queries.push([`全省 ${year}年`, rootId, year, 1, 12], [`全省 ${year}年3月`, rootId, year, 3, 3], [`全省 ${year}年一季度`, rootId, year, 1, 3]);
    queries.push([`县 ${year}年`, counties[year % 10], year, 1, 12], [`县 ${year}年1-6月`, counties[year % 10], year, 1, 6], [`单位 ${year}年`, departments[year % 400], year, 1, 12]);
  }
  // As the office page asks: the template's family (templates sharing its cells), on a connection opened afresh, so the first query pays what a user's first does.
  const family = b.ctx.templates.family(template.id);
  const dataFile = b.dataFile;
  b.close();
  const office = await openBackend({ dataFile, resourcesDir: defaultResourcesDir() });
  try {
    const pass = () => {
      const times: number[] = [];
      const cpus: number[] = [];
      let slowest = '';
      for (const [label, unitId, year, from, to] of queries) {
        t0 = performance.now();
        const c0 = process.cpuUsage();
        const t = levelTotals(office.ctx.store.db, template, unitId, year, from, to, family);
        const c = process.cpuUsage(c0);
        const took = performance.now() - t0;
        if (t.figures.size === 0) throw new Error(`${label}: no figures`);
        if (took >= Math.max(...times, 0)) slowest = `${label}（${t.unitCount} 个单位）${ms(took)}`;
        times.push(took);
        cpus.push((c.user + c.system) / 1000);
      }
      return { times, cpus, slowest, line: () => `中位数 ${ms(median(times))}，最慢 ${slowest}；CPU 时间 中位数 ${ms(median(cpus))}，最多 ${ms(Math.max(...cpus))}` };
    };
    const first = pass();
    const warm = pass();
    console.log(
      `汇总查询 ${queries.length} 次（全省、县、单位；全年、季度、单月；目标 ≤ 50 ms/次；${load()}）：` +
        `新开数据文件后第一次（${queries[0][0]}）${ms(first.times[0])}（CPU ${ms(first.cpus[0])}）；第一轮 ${first.line()}；再一轮 ${warm.line()}`,
    );
  } finally {
    office.close();
  }
}
