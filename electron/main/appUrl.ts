/** Whether a URL is the app's own page (same scheme, host and path): the only page allowed to load or call IPC. */
export function isAppUrl(url: string, appIndexUrl: string): boolean {
  try {
    const u = new URL(url);
    const base = new URL(appIndexUrl);
    return u.protocol === base.protocol && u.host === base.host && u.pathname === base.pathname;
  } catch {
    return false;
  }
}
