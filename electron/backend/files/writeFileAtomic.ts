/**
 * Writes a file so that it is either wholly there or not changed at all:
 * the bytes go to a temporary file beside the target, are flushed to disk
 * (fsync), and the file is renamed over the target; then the folder is
 * flushed, so the new name survives a power cut too. A failure leaves no
 * half-written file and says why in Chinese. The one writer of whole files
 * the app hands out: CLI exports and the desktop shell's 保存.
 */
import fs from 'node:fs';
import path from 'node:path';

export class WriteFailure extends Error {
  constructor(
    message: string,
    readonly file: string,
    override readonly cause?: unknown,
  ) {
    super(message);
  }
}

/** The parts of node:fs used, so tests can make a step fail the way Windows does. */
export interface WriteFs {
  openSync(file: string, flags: string, mode?: number): number;
  writeSync(fd: number, data: Uint8Array, offset: number, length: number): number;
  fsyncSync(fd: number): void;
  closeSync(fd: number): void;
  renameSync(from: string, to: string): void;
  rmSync(file: string, opts: { force: boolean }): void;
}

/** Flushes a folder's entries (a rename) to disk. Windows cannot open a folder for this; there the rename is already durable. */
export function syncFolder(dir: string, io: Pick<WriteFs, 'openSync' | 'fsyncSync' | 'closeSync'> = fs): void {
  if (process.platform === 'win32') return;
  const fd = io.openSync(dir, 'r');
  try {
    io.fsyncSync(fd);
  } finally {
    io.closeSync(fd);
  }
}

function writeAndSync(io: WriteFs, file: string, data: Uint8Array): void {
  const fd = io.openSync(file, 'wx', 0o644);
  try {
    for (let done = 0; done < data.length; ) done += io.writeSync(fd, data, done, data.length - done);
    io.fsyncSync(fd);
  } finally {
    io.closeSync(fd);
  }
}

function explain(code: string | undefined, file: string, step: 'write' | 'rename'): string {
  const dir = path.dirname(file);
  if (code === 'ENOENT' && step === 'write') return `无法保存：文件夹“${dir}”不存在，请选择其他位置`;
  if (code === 'EBUSY' || code === 'EPERM' || code === 'EACCES' || code === 'EISDIR' || code === 'ENOTEMPTY') {
    return `无法保存“${path.basename(file)}”：文件正被其他程序占用（例如已在 Excel 或 WPS 中打开）或没有写入权限，请关闭该文件后重试`;
  }
  if (code === 'ENOSPC') return `无法保存：磁盘“${dir}”空间不足`;
  if (code === 'EROFS') return `无法保存：“${dir}”是只读位置`;
  return `无法保存“${file}”（${code ?? '未知错误'}）`;
}

/** Files this process has begun writing: with its id and the time, a temporary name no other writer uses. */
let begun = 0;

export function writeFileAtomic(file: string, data: Uint8Array, io: WriteFs = fs): void {
  const target = path.resolve(file);
  // Not a random name: node:crypto would be loaded by every CLI command that can write a file (a tenth of starting).
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}-${Date.now().toString(36)}-${++begun}.tmp`);
  let step: 'write' | 'rename' = 'write';
  try {
    writeAndSync(io, temp, data);
    step = 'rename';
    io.renameSync(temp, target);
    syncFolder(path.dirname(target), io);
  } catch (e) {
    try {
      io.rmSync(temp, { force: true });
    } catch {
      // The temporary file could not be removed either; nothing more to do.
    }
    throw new WriteFailure(explain((e as NodeJS.ErrnoException).code, target, step), target, e);
  }
}
