/**
 * How the UI reaches the backend: IPC through the preload bridge in the
 * desktop app, HTTP to 127.0.0.1 with the per-start token in browser mode.
 * Both carry the same calls and answer with the same typed results.
 */
import type { DesktopBridge } from '../../../shared/api/desktopBridge';
import type { ApiResult } from '../../../shared/api/result';
import { TOKEN_HEADER } from '../../../shared/security';
import { t } from '../i18n/catalog';
import { BINARY_CONTENT_TYPE, binaryBody } from './binaryBody';

export interface Transport {
  kind: 'desktop' | 'browser';
  call(method: string, args: unknown): Promise<ApiResult<unknown>>;
}

declare global {
  interface Window {
    /** Exposed by the desktop preload under DESKTOP_BRIDGE_KEY; absent in browser mode. */
    ledgerDesktop?: DesktopBridge;
  }
}

const TOKEN_KEY = 'ledger.token';

/** Takes the token from the URL fragment once, then keeps it out of the address bar. */
export function browserToken(): string {
  const m = /[#&]token=([^&]+)/.exec(window.location.hash);
  if (m) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(m[1]));
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/** `where` of the error a call gets when browser mode's token is missing or not this start's. */
export const TOKEN_REJECTED = 'token';

export function isTokenRejected(r: ApiResult<unknown>): boolean {
  return !r.ok && r.error.where === TOKEN_REJECTED;
}

const tokenRejected = (): ApiResult<never> => ({ ok: false, error: { code: 'forbidden', message: t('transport.badToken'), where: TOKEN_REJECTED } });

function httpTransport(token: string): Transport {
  return {
    kind: 'browser',
    async call(method, args) {
      // Without a token every call would be refused: say so without asking.
      if (!token) return tokenRejected();
      let res: Response;
      try {
        // Files go as bytes (import.add), everything else as JSON.
        const binary = binaryBody(args);
        res = await fetch(`/api/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { 'Content-Type': binary ? BINARY_CONTENT_TYPE : 'application/json', [TOKEN_HEADER]: token },
          body: binary ?? JSON.stringify(args ?? {}),
        });
      } catch {
        return { ok: false, error: { code: 'io', message: t('transport.unreachable') } };
      }
      // A bookmark from an earlier start carries that start's token.
      if (res.status === 401) return tokenRejected();
      try {
        return (await res.json()) as ApiResult<unknown>;
      } catch {
        return { ok: false, error: { code: 'io', message: t('transport.badAnswer', { status: res.status }) } };
      }
    },
  };
}

export function detectTransport(): Transport {
  const bridge = window.ledgerDesktop;
  if (bridge) return { kind: 'desktop', call: (m, a) => bridge.call(m, a) };
  return httpTransport(browserToken());
}
