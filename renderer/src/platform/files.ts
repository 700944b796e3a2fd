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

export function bytesToBase64(bytes: Uint8Array): string {
  let bin = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) bin += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(bin);
}
