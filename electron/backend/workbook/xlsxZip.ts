/**
 * Opens an .xlsx as a zip and inflates only the parts asked for, with caps
 * on entry count and unpacked size so that a zip bomb is refused before it
 * is inflated. The central directory is read by hand (it is a small, fixed
 * format) and each wanted entry is inflated by Node's native zlib with its
 * output capped at the declared size, so a directory that lies about sizes
 * cannot make it inflate more. Every part read is checked against the
 * CRC-32 its directory entry declares: a flipped byte is refused as damage
 * instead of being read as a different figure.
 */
import zlib from 'node:zlib';
import { INPUT_LIMITS } from '../../../shared/values/limits';
import { byteSize } from '../../../shared/values/numberFormat';
import { refuse } from './problems';

export const MAX_FILE_BYTES = INPUT_LIMITS.fileBytes;
export const MAX_ENTRIES = INPUT_LIMITS.zipEntries;
/** Unpacked bytes of the parts actually read. Real ledger workbooks need a few MB. */
export const MAX_UNPACKED_BYTES = INPUT_LIMITS.unpackedBytes;
/** A ratio no spreadsheet part reaches (XML compresses ~10–30×). */
const MAX_RATIO = INPUT_LIMITS.compressionRatio;

export type ZipParts = Map<string, Uint8Array>;

/** Worksheet parts, wherever a writer numbers them. */
export const WORKSHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/;

interface Entry {
  method: number;
  size: number;
  originalSize: number;
  local: number;
  crc: number;
}

export interface OpenZip {
  /** Part name → its CRC-32 as the central directory declares it. */
  crcs: Map<string, number>;
  /** The archive comment (where the exporter stamps its checksums). */
  comment: string;
  /** Inflates the named parts that exist (each at most once per call). */
  read(wanted: (name: string) => boolean): ZipParts;
}

const corrupt = (why: string): never => refuse('corrupt_zip', `文件已损坏或不完整（${why}），请让报送单位重新导出`);
const utf8 = new TextDecoder('utf-8');

export function openZip(bytes: Uint8Array, limits = { maxUnpacked: MAX_UNPACKED_BYTES }): OpenZip {
  if (bytes.length > MAX_FILE_BYTES) refuse('too_large', `文件过大（${byteSize(bytes.length, 'MB')}），报送表不会超过 ${MAX_FILE_BYTES / 1048576} MB`);
  if (bytes.length === 0) refuse('not_xlsx', '是空文件（0 字节），不是 Excel 工作簿，请让报送单位重新导出');
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) {
    if (isEncryptedOoxml(bytes)) refuse('encrypted', '工作簿已加密（设置了打开密码），请让报送单位取消密码后重新导出或另存');
    refuse('not_xlsx', '不是 Excel 工作簿（.xlsx）：文件内容不是 xlsx 格式（可能是 .xls、.csv、.et 或其他文件改了扩展名）');
  }
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  // End of central directory: the last 0x06054b50 within the final 64 KB + 22 bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) corrupt('找不到压缩包目录，文件可能被截断');
  const entryCount = buf.readUInt16LE(eocd + 10);
  const commentLen = Math.min(buf.readUInt16LE(eocd + 20), buf.length - eocd - 22);
  const comment = utf8.decode(buf.subarray(eocd + 22, eocd + 22 + commentLen));
  let p = buf.readUInt32LE(eocd + 16);
  if (entryCount > MAX_ENTRIES) refuse('too_large', `压缩包内文件过多（${entryCount} 个），不是正常的报送表`);
  const entries = new Map<string, Entry>();
  for (let n = 0; n < entryCount; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) corrupt('压缩包目录已损坏');
    const entry: Entry = {
      method: buf.readUInt16LE(p + 10),
      crc: buf.readUInt32LE(p + 16),
      size: buf.readUInt32LE(p + 20),
      originalSize: buf.readUInt32LE(p + 24),
      local: buf.readUInt32LE(p + 42),
    };
    const nameLen = buf.readUInt16LE(p + 28);
    const name = utf8.decode(buf.subarray(p + 46, p + 46 + nameLen));
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    entries.set(name, entry);
  }

  let total = 0;
  const inflate = (name: string, e: Entry): Uint8Array => {
    total += e.originalSize;
    if (total > limits.maxUnpacked || (e.size > 0 && e.originalSize / e.size > MAX_RATIO)) {
      refuse('too_large', `解压后过大（${name} 解压后 ${byteSize(e.originalSize, 'MB')}），疑似压缩炸弹，已拒绝`);
    }
    if (e.local + 30 > buf.length || buf.readUInt32LE(e.local) !== 0x04034b50) corrupt(`${name} 的数据位置不对`);
    const start = e.local + 30 + buf.readUInt16LE(e.local + 26) + buf.readUInt16LE(e.local + 28);
    if (start + e.size > buf.length) corrupt(`${name} 的数据不完整`);
    const raw = buf.subarray(start, start + e.size);
    let data: Uint8Array;
    if (e.method === 0) {
      if (e.size !== e.originalSize) corrupt(`${name} 的大小不符`);
      data = raw;
    } else {
      if (e.method !== 8) corrupt(`${name} 使用了不支持的压缩方式 ${e.method}`);
      data = inflateCapped(name, raw, e.originalSize);
    }
    if (zlib.crc32(data) !== e.crc) corrupt(`${name} 的校验值不符，内容已损坏`);
    return data;
  };

  return {
    crcs: new Map([...entries].map(([name, e]) => [name, e.crc])),
    comment,
    read(wanted) {
      const out: ZipParts = new Map();
      for (const [name, e] of entries) if (wanted(name)) out.set(name, inflate(name, e));
      return out;
    },
  };
}

const MIN_CHUNK = zlib.constants.Z_MIN_CHUNK;
const MAX_CHUNK = 4 * 1024 * 1024;

function inflateCapped(name: string, raw: Uint8Array, size: number): Uint8Array {
  let data: Uint8Array;
  try {
    // The cap makes zlib stop at the declared size: a lying directory cannot inflate a bomb.
    // One output chunk of the declared size and a byte (one more says it is too large) instead of 16 KB
    // pieces joined afterwards: a fifth less time inflating. Bounded, so a lying size does not reserve memory up front.
    data = zlib.inflateRawSync(raw, { maxOutputLength: Math.max(1, size), chunkSize: Math.min(Math.max(MIN_CHUNK, size + 1), MAX_CHUNK) });
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') refuse('too_large', `${name} 解压后超过声明的大小，疑似压缩炸弹，已拒绝`);
    // zlib's own words ("invalid distance too far back") mean nothing to a clerk: the part is damaged.
    return corrupt(`${name} 的压缩数据已损坏，无法解压`);
  }
  if (data.length !== size) corrupt(`${name} 解压后大小不符`);
  return data;
}

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');

/** Excel and WPS save a password-protected .xlsx as an OLE file holding an "EncryptedPackage" stream. */
function isEncryptedOoxml(bytes: Uint8Array): boolean {
  if (bytes.length < 512 || OLE_MAGIC.some((b, i) => bytes[i] !== b)) return false;
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).includes(ENCRYPTED_PACKAGE);
}
