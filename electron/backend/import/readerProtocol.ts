/** The messages between an import batch's thread and a reader thread (readPool.ts, readWorker.ts). */
import type { Template } from '../../../shared/template/schema';
import type { FileFacts } from './fileFacts';
import type { WireRead } from './readWire';

export interface ReaderJob {
  id: number;
  bytes: Uint8Array;
  /** Their SHA-256 when the caller knows it (a read again): not worked out again. */
  sha256?: string;
  takeVisible: boolean;
  /** The dry run's facts of these same bytes: a read again (readFile.ts). */
  known?: FileFacts;
  /** Templates the thread has not been sent yet, or sent as another object since. */
  templates?: Template[];
  /** The keys the office registered (unit code → public key), when they are new to the thread. */
  keys?: [string, string][];
}

/** A reader fault crosses as its text: an Error's own fields may not clone. */
export interface ReaderFault {
  name: string;
  message: string;
  stack?: string;
}

export type ReaderReply = { id: number } & Omit<WireRead, 'internalError'> & { internalError?: ReaderFault };
