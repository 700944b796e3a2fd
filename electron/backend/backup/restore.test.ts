/**
 * Restoring a backup while another process has the data file open and is
 * writing into it: the file stays whole and holds the backup plus exactly the
 * edits acknowledged after the restore.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { tempBackend, type TempBackend } from '../testing/tempBackend';
import { WRITER_FIRST_YEAR } from '../testing/writerChild';

const WRITER = path.join(import.meta.dirname, '..', 'testing', 'writerChild.ts');

let b: TempBackend | undefined;
afterEach(() => b?.dispose());

/** A writer process; resolves each time its acknowledged count reaches a mark, and when it ends. */
function startWriter(dataFile: string, stopFile: string, more: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dataFile, stopFile, String(more)], { stdio: ['ignore', 'pipe', 'pipe'] });
  const acked: number[] = [];
  const errors: string[] = [];
  let stderr = '';
  let buffered = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    buffered += chunk;
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      if (line.startsWith('ack ')) acked.push(Number(line.slice(4)));
      else if (line) errors.push(line);
    }
  });
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const ended = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? -1)));
  const reached = async (n: number) => {
    while (acked.length < n) {
      if (child.exitCode !== null) throw new Error(`writer ended early: ${errors.join('; ')} ${stderr}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  return { acked, errors, ended, reached, stderr: () => stderr };
}

describe('restore beside another writer', () => {
  it('keeps the file whole: the backup, plus exactly the edits acknowledged after the restore', async () => {
    b = await tempBackend();
    const set = (year: number, month: number, raw: string) => b!.invoke('values.set', { templateId: 'suining-2017', year, month, indicator: 'pub.total', raw });
    await set(2017, 1, '5');
    const backup = await b.invoke('backups.create', {});
    await set(2017, 1, '6');
    await set(2017, 2, '7');

    const stopFile = path.join(b.dir, 'restored');
    const writer = startWriter(b.dataFile, stopFile, 30);
    await writer.reached(20);
    const ackedBefore = writer.acked.length;
    const r = await b.call('backups.restore', { name: backup.name });
    expect(r, JSON.stringify(r)).toMatchObject({ ok: true });
    fs.writeFileSync(stopFile, '');
    expect(await writer.ended).toBe(0);
    expect(writer.errors).toEqual([]);
    const acked = writer.acked;

    const check = new Database(b.dataFile, { readonly: true });
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(check.pragma('foreign_key_check')).toEqual([]);
    check.close();

    // The restoring backend, and a fresh look at the file, agree on what it holds.
    b.close();
    b = await tempBackend({ dir: b.dir, setup: false });
    const year2017 = await b.invoke('values.getYear', { templateId: 'suining-2017', year: 2017 });
    expect(year2017.values.map((v) => [v.month, v.value])).toEqual([[1, 5]]);
    const written = new Map<number, number>();
    for (let year = WRITER_FIRST_YEAR; year <= WRITER_FIRST_YEAR + Math.floor(acked[acked.length - 1] / 12); year++) {
      for (const v of (await b.invoke('values.getYear', { templateId: 'suining-2017', year })).values) written.set((year - WRITER_FIRST_YEAR) * 12 + v.month - 1, v.value);
    }
    // What the writer had before the restore is gone, everything from some write on is there, each with its value.
    const kept = [...written.keys()].sort((x, y) => x - y);
    expect(kept.length).toBeGreaterThan(0);
    const first = kept[0];
    expect(kept).toEqual(acked.filter((i) => i >= first));
    for (const i of kept) expect(written.get(i)).toBe(i + 1);
    expect(first).toBeGreaterThanOrEqual(ackedBefore);
    // The writes made after the restore had returned (the writer's last 30) are all kept.
    expect(kept.length).toBeGreaterThanOrEqual(30);
  }, 120_000);
});
