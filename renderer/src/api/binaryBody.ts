/**
 * A call carrying files (import.add) sent to browser mode as bytes, not
 * base64 inside JSON: the call's JSON with each file's `bytes` replaced by
 * its `size`, a newline, then the files back to back
 * (electron/backend/server/binaryBody.ts reads it). The desktop app needs
 * none of this: IPC clones a Uint8Array as it is.
 */
export const BINARY_CONTENT_TYPE = 'application/octet-stream';

interface FileWithBytes {
  bytes: Uint8Array;
}

const hasBytes = (f: unknown): f is FileWithBytes => typeof f === 'object' && f !== null && (f as { bytes?: unknown }).bytes instanceof Uint8Array;

/** The body for a call whose files carry bytes, or null for any other call (sent as JSON). */
export function binaryBody(args: unknown): Blob | null {
  const files = (args as { files?: unknown } | null)?.files;
  if (!Array.isArray(files) || files.length === 0 || !files.every(hasBytes)) return null;
  const head = { ...(args as object), files: files.map(({ bytes, ...rest }) => ({ ...rest, size: bytes.length })) };
  return new Blob([JSON.stringify(head), '\n', ...files.map((f) => f.bytes as Uint8Array<ArrayBuffer>)]);
}
