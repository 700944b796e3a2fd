/**
 * Reading a file named on the command line (or found in a folder) for
 * import, without trusting it: its kind and size are checked before a byte
 * is read, so a device (/dev/zero), a pipe named .xlsx or a 3 GiB file is
 * refused by name instead of filling memory or hanging, and the rest of the
 * batch goes on.
 */
import fs from 'node:fs';
import { INPUT_LIMITS } from '../../../shared/values/limits';
import { byteSize } from '../../../shared/values/numberFormat';
import type { ImportProblem } from '../workbook/problems';

export type InputFile = { ok: true; bytes: Uint8Array } | { ok: false; size: number; problem: ImportProblem };

const mb = (n: number) => byteSize(n, 'MB');

function refusal(size: number, problem: ImportProblem): InputFile {
  return { ok: false, size, problem };
}

/** What a stat says about a file before it is opened, or null when it may be read. */
function kindProblem(st: fs.Stats, limit: number): ImportProblem | null {
  if (st.isDirectory()) return { code: 'not_regular_file', message: '这是文件夹，不是文件，未读取' };
  if (!st.isFile()) return { code: 'not_regular_file', message: '不是普通文件（是设备、管道或套接字），未读取' };
  if (st.size > limit) return { code: 'too_large', message: `文件过大（${mb(st.size)}），报送表不会超过 ${limit / 1048576} MB，未读取` };
  if (st.size === 0) return { code: 'empty_file', message: '是空文件（0 字节），不是 Excel 工作簿' };
  return null;
}

export function readInputFile(file: string, limit: number = INPUT_LIMITS.fileBytes): InputFile {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch (e) {
    return refusal(0, { code: 'unreadable', message: `无法读取此文件（${osReason(e)}）` });
  }
  const before = kindProblem(st, limit);
  if (before) return refusal(st.size, before);
  let fd: number;
  try {
    // Non-blocking: a pipe swapped in after the stat must not hang the open.
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (e) {
    return refusal(st.size, { code: 'unreadable', message: `无法读取此文件（${osReason(e)}）` });
  }
  try {
    // The file opened is the one checked (it may have been replaced since the stat).
    const opened = fs.fstatSync(fd);
    const after = kindProblem(opened, limit);
    if (after) return refusal(opened.size, after);
    const bytes = new Uint8Array(opened.size);
    let at = 0;
    while (at < bytes.length) {
      const n = fs.readSync(fd, bytes, at, bytes.length - at, at);
      if (n === 0) break;
      at += n;
    }
    if (at !== bytes.length) return refusal(at, { code: 'unreadable', message: '文件在读取时变短了（可能正被其他程序写入），请稍后再导入' });
    return { ok: true, bytes };
  } catch (e) {
    return refusal(st.size, { code: 'unreadable', message: `无法读取此文件（${osReason(e)}）` });
  } finally {
    fs.closeSync(fd);
  }
}

/** The system's reason in Chinese: its code names it, its English text is not shown. */
export function osReason(e: unknown): string {
  const code = (e as { code?: string }).code;
  switch (code) {
    case 'ENOENT':
      return '文件不存在';
    case 'EACCES':
    case 'EPERM':
      return '没有读取权限';
    case 'EISDIR':
      return '这是文件夹';
    case 'EBUSY':
      return '文件正被其他程序占用';
    case 'ELOOP':
      return '快捷方式（符号链接）循环';
    case 'EMFILE':
    case 'ENFILE':
      return '打开的文件过多';
    case 'EIO':
      return '磁盘读取错误';
    default:
      return code ? `系统错误 ${code}` : '系统错误';
  }
}
