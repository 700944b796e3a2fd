/**
 * A reader thread: reads received files for import batches exactly as the
 * batch's own thread would (readFile.ts) and sends each back packed
 * (readWire.ts). It holds the templates and registered keys it was sent,
 * nothing of the files between jobs.
 */
import { parentPort } from 'node:worker_threads';
import type { Template } from '../../../shared/template/schema';
import { fileViolations } from './fileRules';
import { readFileForBatch } from './readFile';
import type { ReaderJob, ReaderReply } from './readerProtocol';
import { toWire } from './readWire';

const templates = new Map<string, Template>();
let keys: ReadonlyMap<string, string> = new Map();

function faultOf(e: unknown): ReaderReply['internalError'] {
  return e instanceof Error ? { name: e.name, message: e.message, stack: e.stack } : { name: 'Error', message: String(e) };
}

parentPort?.on('message', (job: ReaderJob) => {
  for (const t of job.templates ?? []) templates.set(t.id, t);
  if (job.keys) keys = new Map(job.keys);
  const fr = readFileForBatch(job.bytes, { templates: (id) => templates.get(id), takeVisible: job.takeVisible, registeredKey: (code) => keys.get(code) }, job.known, job.sha256);
  // The rules' findings of a first read, off the batch's thread (its plan needs them; a file with problems or
  // differences is refused before they count). A read again is planned without them.
  if (fr.read && !job.known && fr.read.problems.length === 0 && fr.read.differences.length === 0) fileViolations(fr.read);
  const { wire, transfer } = toWire(fr);
  const reply: ReaderReply = { id: job.id, ...wire, internalError: fr.internalError === undefined ? undefined : faultOf(fr.internalError) };
  parentPort!.postMessage(reply, transfer);
});
