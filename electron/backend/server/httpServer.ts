/**
 * Browser mode: the same backend over HTTP, for machines where the desktop
 * runtime is unavailable. It listens on 127.0.0.1 only; every API call needs
 * the per-start token, and Host and Origin must name this server, so other
 * sites (and DNS-rebinding pages) cannot reach the data.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY, TOKEN_HEADER } from '../../../shared/security';
import type { Backend } from '../backend';
import { BINARY_CONTENT_TYPE, decodeBinaryBody } from './binaryBody';
import { ServerTiming } from './serverTiming';

export interface ServerOptions {
  backend: Backend;
  /** Built renderer (out/renderer); API only when absent. */
  staticDir?: string;
  port?: number;
  token?: string;
  /** Largest request body accepted (imports carry whole workbooks). */
  maxBodyBytes?: number;
}

export interface RunningServer {
  url: string;
  /** URL to open in a browser: carries the token in the fragment, which is never sent to the server. */
  openUrl: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** The answer, with where its call's time went on this side as a Server-Timing header (serverTiming.ts). */
function sendJson(res: http.ServerResponse, status: number, body: unknown, timing?: ServerTiming) {
  const text = JSON.stringify(body);
  timing?.mark('json');
  const serverTiming = timing ? { 'Server-Timing': timing.header() } : {};
  res.writeHead(status, { ...SECURITY_HEADERS, ...serverTiming, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

function refuse(res: http.ServerResponse, status: number, message: string) {
  sendJson(res, status, { ok: false, error: { code: 'bad_request', message } });
}

function tokensEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        reject(new Error('too_large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** A URL path decoded, or null when its % escapes are malformed ("%E4%B8" or "%zz": a 400, not a 500). */
function decodePath(p: string): string | null {
  try {
    return decodeURIComponent(p);
  } catch {
    return null;
  }
}

export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const token = opts.token ?? crypto.randomBytes(24).toString('base64url');
  const maxBody = opts.maxBodyBytes ?? 256 * 1024 * 1024;
  let allowedHosts: Set<string> = new Set();
  let allowedOrigins: Set<string> = new Set();

  const server = http.createServer(async (req, res) => {
    try {
      if (!allowedHosts.has(req.headers.host ?? '')) return refuse(res, 421, '拒绝访问：Host 不是本机服务地址');
      const origin = req.headers.origin;
      if (origin !== undefined && !allowedOrigins.has(origin)) return refuse(res, 403, '拒绝访问：来源（Origin）不是本机服务页面');
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');

      if (url.pathname.startsWith('/api/')) {
        if (req.method !== 'POST') return refuse(res, 405, '接口只接受 POST 请求');
        const given = req.headers[TOKEN_HEADER];
        if (typeof given !== 'string' || !tokensEqual(given, token)) return refuse(res, 401, '拒绝访问：缺少或错误的访问令牌');
        const type = req.headers['content-type'] ?? '';
        // JSON, or files as bytes (import.add: the call's JSON, a newline, the files; binaryBody.ts).
        const binary = type.startsWith(BINARY_CONTENT_TYPE);
        if (!type.startsWith('application/json') && !binary) {
          return refuse(res, 415, '接口只接受 JSON 请求或文件内容');
        }
        let args: unknown;
        const timing = new ServerTiming();
        try {
          const body = await readBody(req, maxBody);
          timing.mark('body');
          if (binary) {
            const decoded = decodeBinaryBody(body);
            if (!decoded.ok) return refuse(res, 400, decoded.message);
            args = decoded.args;
          } else {
            const text = body.toString('utf8');
            args = text.trim() === '' ? {} : JSON.parse(text);
          }
        } catch (e) {
          if ((e as Error).message === 'too_large') return refuse(res, 413, '请求内容过大');
          return refuse(res, 400, '请求内容不是有效的 JSON');
        }
        const method = decodePath(url.pathname.slice('/api/'.length));
        if (method === null) return refuse(res, 400, '请求地址中的“%”编码无效');
        const result = await opts.backend.call(method, args, timing);
        timing.mark('call');
        return sendJson(res, 200, result, timing);
      }

      if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, '不支持的请求方法');
      if (!opts.staticDir) return refuse(res, 404, '未找到');
      const root = path.resolve(opts.staticDir);
      const decoded = url.pathname === '/' ? 'index.html' : decodePath(url.pathname);
      if (decoded === null) return refuse(res, 400, '请求地址中的“%”编码无效');
      const rel = decoded.replace(/^\/+/, '');
      const file = path.resolve(root, rel);
      if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
        return refuse(res, 404, '未找到');
      }
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'no-cache',
      });
      if (req.method === 'HEAD') return res.end();
      fs.createReadStream(file).pipe(res);
    } catch (e) {
      console.error('[server]', e);
      if (!res.headersSent) refuse(res, 500, '服务器内部错误');
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  allowedOrigins = new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    openUrl: `${url}/#token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
