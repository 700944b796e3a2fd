/**
 * What the desktop window may load and be granted, as pure functions so the
 * rules are tested without the Electron runtime (security.ts wires them in).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isAppUrl } from './appUrl';

/**
 * Requests the renderer may make: the app's own files (the built renderer
 * folder and nothing outside it) and in-memory data: and blob: URLs (chart
 * images, downloads). Everything else, http(s) included, is cancelled.
 */
export function isAllowedRequest(url: string, appDir: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol === 'data:' || u.protocol === 'blob:') return true;
  if (u.protocol !== 'file:') return false;
  let file: string;
  try {
    file = fileURLToPath(u);
  } catch {
    return false;
  }
  const rel = path.relative(path.resolve(appDir), path.resolve(file));
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/**
 * Web permissions: all denied, except writing plain text to the clipboard
 * from the app's own page (the "copy as table" buttons); pasting from Excel
 * uses the paste event, which needs no permission.
 */
export const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export function isPermissionGranted(permission: string, requestingUrl: string | undefined, appIndexUrl: string): boolean {
  return GRANTED_PERMISSIONS.has(permission) && requestingUrl !== undefined && isAppUrl(requestingUrl, appIndexUrl);
}
