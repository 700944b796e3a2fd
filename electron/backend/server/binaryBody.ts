/**
 * Files sent to browser mode as bytes, not base64 inside JSON (a third
 * larger, and encoding it kept the page busy): the body is the call's JSON
 * with each file's `bytes` replaced by its `size`, a newline (JSON text has
 * none of its own), then the files' bytes back to back, in order. The page
 * writes it in renderer/src/api/binaryBody.ts.
 */
export const BINARY_CONTENT_TYPE = 'application/octet-stream';

/** The call's arguments with each file's bytes a view into the body, or a Chinese reason it is malformed. */
export function decodeBinaryBody(body: Buffer): { ok: true; args: unknown } | { ok: false; message: string } {
  const bad = (what: string) => ({ ok: false as const, message: `上传的文件内容格式有误：${what}` });
  const newline = body.indexOf(0x0a);
  if (newline < 0) return bad('缺少文件清单');
  let head: unknown;
  try {
    head = JSON.parse(body.subarray(0, newline).toString('utf8'));
  } catch {
    return bad('文件清单不是有效的 JSON');
  }
  const files = (head as { files?: unknown }).files;
  if (typeof head !== 'object' || head === null || !Array.isArray(files)) return bad('文件清单中没有 files');
  let at = newline + 1;
  const withBytes: unknown[] = [];
  for (const f of files as unknown[]) {
    const size = (f as { size?: unknown } | null)?.size;
    if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0 || at + size > body.length) return bad('文件大小与内容不符');
    const { size: _size, ...rest } = f as Record<string, unknown>;
    withBytes.push({ ...rest, bytes: body.subarray(at, at + size) });
    at += size;
  }
  if (at !== body.length) return bad('文件大小与内容不符');
  return { ok: true, args: { ...head, files: withBytes } };
}
