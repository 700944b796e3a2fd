import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_HEADER } from '../../../shared/security';
import { snapshot, tempBackend, type TempBackend } from '../testing/tempBackend';
import { startServer, type RunningServer } from './httpServer';

let b: TempBackend;
let server: RunningServer;

beforeAll(async () => {
  b = await tempBackend();
  server = await startServer({ backend: b });
});
afterAll(async () => {
  await server.close();
  b.dispose();
});

/** Raw request, so that Host and Origin can be set freely. */
function post(path: string, body: string, headers: Record<string, string>): Promise<{ status: number; json: { ok: boolean; error?: { message: string } }; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, path, method: 'POST', headers }, (res) => {
      let data = '';
      res.on('data', (c) => (data += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(data), headers: res.headers }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const good = () => ({
  Host: `127.0.0.1:${server.port}`,
  Origin: `http://127.0.0.1:${server.port}`,
  'Content-Type': 'application/json',
  [TOKEN_HEADER]: server.token,
});
const setBody = JSON.stringify({ templateId: 'suining-2017', year: 2017, month: 5, indicator: 'pub.total', raw: '7' });

describe('browser-mode server', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('answers a call with the right token, Host and Origin', async () => {
    const r = await post('/api/app.status', '{}', good());
    expect(r.status).toBe(200);
    expect(r.json.ok).toBe(true);
  });

  it('says where the time of a call went on the server (Server-Timing: body, call, JSON), for the Resource Timing of the page', async () => {
    const r = await post('/api/app.status', '{}', good());
    expect(r.headers['server-timing']).toMatch(/^body;dur=\d+\.\d+, call;dur=\d+\.\d+, json;dur=\d+\.\d+, validate;dur=\d+\.\d+;desc="part of call", total;dur=\d+\.\d+$/);
    // Refused before any call: nothing to say.
    expect((await post('/api/app.status', '{}', { ...good(), [TOKEN_HEADER]: 'wrong' })).headers['server-timing']).toBeUndefined();
  });

  it('refuses calls without the token, with a wrong one, a foreign Host or Origin, and changes nothing', async () => {
    const before = snapshot(b);
    const { [TOKEN_HEADER]: _omit, ...noToken } = good();
    const cases: [Record<string, string>, number][] = [
      [noToken, 401],
      [{ ...good(), [TOKEN_HEADER]: 'wrong' }, 401],
      [{ ...good(), Host: `evil.example:${server.port}` }, 421],
      [{ ...good(), Origin: 'http://evil.example' }, 403],
      [{ ...good(), Origin: `http://127.0.0.1:${server.port + 1}` }, 403],
      [{ ...good(), 'Content-Type': 'text/plain' }, 415],
    ];
    for (const [headers, status] of cases) {
      const r = await post('/api/values.set', setBody, headers);
      expect(r.status, JSON.stringify(headers)).toBe(status);
      expect(r.json.ok).toBe(false);
      expect(r.json.error?.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(snapshot(b)).toBe(before);
  });

  it('refuses malformed JSON and unknown methods', async () => {
    expect((await post('/api/values.set', '{not json', good())).status).toBe(400);
    const r = await post('/api/values.nuke', '{}', good());
    expect(r.json).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  it('answers a malformed % escape in the path with 400 and a Chinese message (not 500)', async () => {
    for (const path of ['/api/%E4%B8', '/api/values.%zzset']) {
      const r = await post(path, '{}', good());
      expect(r.status).toBe(400);
      expect(r.json.error?.message).toBe('请求地址中的“%”编码无效');
    }
  });

  it('stores a value through a valid call', async () => {
    const r = await post('/api/values.set', setBody, good());
    expect(r.json).toMatchObject({ ok: true, data: { value: 7, changed: true } });
  });

  it('says in a Server-Timing header where a call spent its time: a save names its commit, a read has none', async () => {
    /** name → [duration, desc] from "name;dur=1.23;desc=\"…\", …". */
    const phases = (header: string | string[] | undefined) =>
      new Map(
        String(header ?? '')
          .split(', ')
          .filter(Boolean)
          .map((entry) => {
            const [name, ...params] = entry.split(';');
            const dur = Number(params.find((p) => p.startsWith('dur='))?.slice(4));
            const desc = params.find((p) => p.startsWith('desc='))?.slice(6, -1);
            return [name, { dur, desc }] as const;
          }),
      );
    const saved = await post('/api/values.set', JSON.stringify({ templateId: 'suining-2017', year: 2017, month: 6, indicator: 'pub.total', raw: '11' }), good());
    expect(saved.json.ok).toBe(true);
    const save = phases(saved.headers['server-timing']);
    expect([...save.keys()].sort()).toEqual(['body', 'call', 'commit', 'json', 'total', 'validate']);
    for (const { dur } of save.values()) expect(dur).toBeGreaterThanOrEqual(0);
    expect(save.get('commit')!.desc).toBe('part of call');
    expect(save.get('validate')!.desc).toBe('part of call');
    // The parts are inside the call, and the phases inside the total (each rounded to hundredths).
    expect(save.get('commit')!.dur + save.get('validate')!.dur).toBeLessThanOrEqual(save.get('call')!.dur + 0.02);
    const sum = ['body', 'call', 'json'].reduce((n, k) => n + save.get(k)!.dur, 0);
    expect(sum).toBeLessThanOrEqual(save.get('total')!.dur + 0.03);

    const read = phases((await post('/api/app.status', '{}', good())).headers['server-timing']);
    expect([...read.keys()].sort()).toEqual(['body', 'call', 'json', 'total', 'validate']);
  });
});
