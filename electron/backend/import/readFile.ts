/**
 * Reading one received file for a batch, as a value: what the batch keeps
 * of it (hash, facts) and its values, or why it is refused. The same
 * function runs on a reader thread (readWorker.ts) and on the caller's, so
 * both read alike.
 */
import { sha256 } from '../workbook/monthFingerprint';
import { ImportRefusal, type ImportProblem } from '../workbook/problems';
import { type FileFacts, factsOf, monthsOf } from './fileFacts';
import { readWorkbook, type ReadOptions, type ReadWorkbook } from './readWorkbook';

export interface FileRead {
  sha256: string;
  /** Absent when the file is refused. */
  read?: ReadWorkbook;
  /** The facts of a first read (a read again keeps the dry run's). */
  facts?: FileFacts;
  refusal?: ImportProblem;
  /** What a reader threw that was not a refusal (a bug the fuzzer looks for): the file is refused all the same. */
  internalError?: unknown;
}

const READER_FAULT: ImportProblem = { code: 'corrupt_zip', message: '无法读取此文件（文件可能已损坏，或是本软件无法识别的写法）' };

/**
 * Reads the bytes of a file. Given `known`, the facts of this batch's dry run
 * of the same bytes (the caller compared their SHA-256), the data sheet's
 * fingerprint and the month fingerprints are not worked out again, nor the
 * visible sheets read when that run found them agreeing with the data sheet.
 */
export function readFileForBatch(bytes: Uint8Array, opts: ReadOptions, known?: FileFacts, hash: string = sha256(bytes)): FileRead {
  try {
    if (known) {
      const read = readWorkbook(bytes, { ...opts, verified: true, visibleAgreed: known.visibleAgreed });
      monthsOf(read, known);
      return { sha256: hash, read };
    }
    const read = readWorkbook(bytes, opts);
    return { sha256: hash, read, facts: factsOf(read) };
  } catch (e) {
    if (e instanceof ImportRefusal) return { sha256: hash, refusal: e.problem };
    return { sha256: hash, refusal: READER_FAULT, internalError: e };
  }
}
