/**
 * What a storage failure means to the person in front of the screen. SQLite
 * and the file system answer with codes (SQLITE_FULL, EROFS…) and English
 * text; every path that writes the data file, its backups or kept originals
 * turns those into a StoreError whose Chinese message says what is wrong and
 * what to do. Anything that is not a storage failure is left alone.
 */
import { StoreError } from './errors';

export const BUSY_MESSAGE = '数据文件正被另一程序写入，请稍后重试';

function codeOf(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function pathOf(e: unknown): string | undefined {
  const p = (e as { path?: unknown } | null)?.path;
  return typeof p === 'string' ? p : undefined;
}

/** The SQLite result a SqliteError carries (SQLITE_IOERR_WRITE → SQLITE_IOERR). */
function sqlitePrimary(code: string): string {
  const m = /^SQLITE_[A-Z]+/.exec(code);
  return m ? m[0] : code;
}

/**
 * The failure as a StoreError, or undefined when it is not a storage failure.
 * `file` is the data file, named in messages about it.
 */
export function storageFailure(e: unknown, file?: string): StoreError | undefined {
  if (e instanceof StoreError) return e;
  const code = codeOf(e);
  if (!code) return undefined;
  const dataFile = file ? `数据文件 ${file}` : '数据文件';
  if (code.startsWith('SQLITE_')) {
    switch (sqlitePrimary(code)) {
      case 'SQLITE_BUSY':
      case 'SQLITE_LOCKED':
        return new StoreError('busy', BUSY_MESSAGE);
      case 'SQLITE_FULL':
        return new StoreError('disk_full', `磁盘空间不足，${dataFile}未能写入，本次修改未保存：请清理磁盘空间后重试`);
      case 'SQLITE_READONLY':
        return new StoreError('read_only', `${dataFile}是只读的，无法写入，本次修改未保存：请检查文件和所在文件夹的权限，或把数据文件复制到可写的文件夹后再打开`);
      case 'SQLITE_CORRUPT':
      case 'SQLITE_NOTADB':
        return new StoreError('corrupt', `${dataFile}已损坏，本次修改未保存：请在“设置”中从备份恢复`);
      case 'SQLITE_IOERR':
      case 'SQLITE_CANTOPEN':
      case 'SQLITE_PROTOCOL':
      case 'SQLITE_NOLFS':
        return new StoreError('io', `读写${dataFile}时出错（${code}），本次修改未保存：请检查磁盘或存储设备是否正常、文件是否被移走，然后重试`);
      default:
        return undefined;
    }
  }
  const where = pathOf(e) ?? file ?? '';
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new StoreError('disk_full', `磁盘空间不足，未能写入 ${where}：请清理磁盘空间后重试`);
    case 'EROFS':
      return new StoreError('read_only', `${where} 所在的磁盘是只读的，无法写入：请换到可写的位置`);
    case 'EACCES':
    case 'EPERM':
      return new StoreError('read_only', `没有读写 ${where} 的权限：请检查该文件或文件夹的权限（是否只读）`);
    case 'ENOTDIR':
      return new StoreError('io', `路径 ${where} 中有一段是文件而不是文件夹：请移走或改名该文件，或换一个位置`);
    case 'EEXIST':
      return new StoreError('io', `${where} 已存在，但不是所需的文件夹：请移走或改名它`);
    case 'EISDIR':
      return new StoreError('io', `${where} 是文件夹，不是文件：请指定一个文件`);
    case 'ELOOP':
      return new StoreError('io', `路径 ${where} 含有循环的符号链接，无法打开：请检查该链接指向何处`);
    case 'ENAMETOOLONG':
      return new StoreError('io', `路径 ${where} 太长，无法打开：请换一个较短的位置`);
    case 'EIO':
      return new StoreError('io', `读写 ${where} 时存储设备出错：请检查磁盘或存储设备是否正常，然后重试`);
    case 'EMFILE':
    case 'ENFILE':
      return new StoreError('io', `打开的文件过多，未能读写 ${where}：请关闭一些程序后重试`);
    default:
      return undefined;
  }
}
