/**
 * Opens the user's default browser on browser mode's address (the `open`
 * package knows each platform's way: xdg-open, `start`, `open`). A failure
 * is not fatal: the address is printed anyway.
 */
import open from 'open';

export async function openInBrowser(url: string, launch: (url: string) => Promise<unknown> = open): Promise<boolean> {
  try {
    await launch(url);
    return true;
  } catch {
    return false;
  }
}
