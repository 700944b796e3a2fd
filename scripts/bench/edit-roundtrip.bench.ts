/**
 * One edit's round trip through the browser-mode transport: HTTP request →
 * zod → parse → SQLite commit with synchronous=FULL → response.
 */
import { performance } from 'node:perf_hooks';
import { TOKEN_HEADER } from '../../shared/security';
import { startServer } from '../../electron/backend/server/httpServer';
import { tempBackend } from '../../electron/backend/testing/tempBackend';

const N = 1000;
const b = await tempBackend();
const server = await startServer({ backend: b });
const times: number[] = [];
for (let i = 0; i < N; i++) {
  const t0 = performance.now();
  const res = await fetch(`${server.url}/api/values.set`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: server.token },
    body: JSON.stringify({ templateId: 'suining-2017', year: 2017, month: (i % 12) + 1, indicator: 'pub.total', raw: String(i) }),
  });
  const body = (await res.json()) as { ok: boolean };
  if (!body.ok) throw new Error('edit refused');
  times.push(performance.now() - t0);
}
times.sort((a, c) => a - c);
const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(2);
console.log(`编辑往返（浏览器模式 HTTP，synchronous=FULL），${N} 次：中位数 ${q(0.5)} ms，p95 ${q(0.95)} ms（目标中位数 ≤ 5 ms）`);
await server.close();
b.dispose();
