/**
 * Opens an .xlsx as a zip and inflates only the parts asked for, with caps
 * on entry count and unpacked size so that a zip bomb is refused before it
 * is inflated (sizes come from the central directory and are enforced again
 * while inflating, since a crafted directory can lie).
 */
import { unzipSync, type UnzipFileInfo } from 'fflate';
import { refuse } from './problems';

export const MAX_FILE_BYTES = 50 * 1024 * 1024;
export const MAX_ENTRIES = 2000;
/** Unpacked bytes of the parts actually read. Real ledger workbooks need a few MB. */
export const MAX_UNPACKED_BYTES = 100 * 1024 * 1024;
/** A ratio no spreadsheet part reaches (XML compresses ~10–30×). */
const MAX_RATIO = 500;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export type ZipParts = Map<string, Uint8Array>;

export function readZipParts(bytes: Uint8Array, wanted: (name: string) => boolean, limits = { maxUnpacked: MAX_UNPACKED_BYTES }): ZipParts {
  if (bytes.length > MAX_FILE_BYTES) refuse('too_large', `文件过大（${(bytes.length / 1048576).toFixed(1)} MB），报送表不会超过 ${MAX_FILE_BYTES / 1048576} MB`);
  if (bytes.length < 4 || ZIP_MAGIC.some((b, i) => bytes[i] !== b)) {
    refuse('not_xlsx', '不是 Excel 工作簿（.xlsx）：文件内容不是 xlsx 格式（可能是 .xls、.csv、.et 或其他文件改了扩展名）');
  }
  let entries = 0;
  let total = 0;
  const filter = (f: UnzipFileInfo) => {
    entries++;
    if (entries > MAX_ENTRIES) refuse('too_large', `压缩包内文件过多（超过 ${MAX_ENTRIES} 个），不是正常的报送表`);
    if (!wanted(f.name)) return false;
    total += f.originalSize;
    if (total > limits.maxUnpacked || (f.size > 0 && f.originalSize / f.size > MAX_RATIO)) {
      refuse('too_large', `解压后过大（${f.name} 解压后 ${(f.originalSize / 1048576).toFixed(1)} MB），疑似压缩炸弹，已拒绝`);
    }
    return true;
  };
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes, { filter });
  } catch (e) {
    if ((e as { problem?: unknown }).problem) throw e;
    refuse('corrupt_zip', `文件已损坏或不完整（无法解压：${(e as Error).message}），请让报送单位重新导出`);
  }
  const out: ZipParts = new Map();
  let unpacked = 0;
  for (const [name, data] of Object.entries(parts)) {
    unpacked += data.length;
    if (unpacked > limits.maxUnpacked) refuse('too_large', '解压后过大，疑似压缩炸弹，已拒绝');
    out.set(name, data);
  }
  return out;
}
