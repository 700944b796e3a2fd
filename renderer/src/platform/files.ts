/**
 * Saving and opening files: a save dialog in the desktop app (remembering the
 * last folder), a download in browser mode.
 */
import { api } from '../api/client';

export async function saveBytes(fileName: string, bytes: Uint8Array, mime = 'application/octet-stream'): Promise<{ saved: boolean; path?: string }> {
  const bridge = window.ledgerDesktop;
  if (api.transport.kind === 'desktop' && bridge) {
    const r = await bridge.saveFile(fileName, bytes);
    if (!r.ok) throw new Error(r.error.message);
    return r.data;
  }
  const blob = new Blob([bytes as BlobPart], { type: mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { saved: true };
}

export function base64ToBytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/**
 * Base64 of a file's bytes, encoded by the browser: an import sends
 * hundreds of workbooks, and encoding them in script took longer than
 * reading them on the other side.
 */
export async function bytesToBase64(bytes: Uint8Array): Promise<string> {
  const native = (bytes as Uint8Array & { toBase64?: () => string }).toBase64;
  if (typeof native === 'function') return native.call(bytes);
  const url = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error ?? new Error('FileReader failed'));
    reader.readAsDataURL(new Blob([bytes as BlobPart]));
  });
  return url.slice(url.indexOf(',') + 1);
}
