/**
 * The import page sends workbooks to browser mode as bytes (issue 19): the
 * page's encoding (renderer/src/api/binaryBody.ts) read back by the server,
 * a whole import.add → plan over HTTP, and malformed bodies refused in Chinese.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_HEADER } from '../../../shared/security';
import { binaryBody } from '../../../renderer/src/api/binaryBody';
import { workbookBytes } from '../testing/importFixtures';
import { D01, suining, valuesFor } from '../testing/importHarness';
import { tempBackend, type TempBackend } from '../testing/tempBackend';
import { decodeBinaryBody } from './binaryBody';
import { startServer, type RunningServer } from './httpServer';

let b: TempBackend;
let server: RunningServer;
beforeAll(async () => {
  b = await tempBackend({ role: 'aggregator' });
  await b.invoke('units.create', { code: D01.code, name: D01.name, kind: '部门', parentCode: 'TEST-01' });
  server = await startServer({ backend: b });
});
afterAll(async () => {
  await server.close();
  b.dispose();
});

function post(method: string, body: Buffer, type: string): Promise<{ status: number; json: { ok: boolean; data?: unknown; error?: { message: string } } }> {
  return new Promise((resolve, reject) => {
    const headers = { Host: `127.0.0.1:${server.port}`, 'Content-Type': type, [TOKEN_HEADER]: server.token };
    const req = http.request({ host: '127.0.0.1', port: server.port, path: `/api/${method}`, method: 'POST', headers }, (res) => {
      let data = '';
      res.on('data', (c) => (data += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(data) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const bodyOf = async (args: unknown) => Buffer.from(await binaryBody(args)!.arrayBuffer());

describe('files as bytes', () => {
  it('reads back what the page writes, byte for byte and in order', async () => {
    const files = [
      { name: '甲.xlsx', bytes: new Uint8Array([1, 2, 3]) },
      { name: 'b\n.xlsx', bytes: new Uint8Array([]) },
      { name: 'c.xlsx', bytes: new Uint8Array([10, 0, 10]) },
    ];
    const decoded = decodeBinaryBody(await bodyOf({ batchId: 'abc-123', files }));
    expect(decoded.ok).toBe(true);
    const args = (decoded as { args: { batchId: string; files: { name: string; bytes: Uint8Array }[] } }).args;
    expect(args.batchId).toBe('abc-123');
    expect(args.files.map((f) => [f.name, [...f.bytes]])).toEqual(files.map((f) => [f.name, [...f.bytes]]));
    // Calls without bytes go as JSON.
    expect(binaryBody({ batchId: 'x' })).toBeNull();
  });

  it('refuses a body whose sizes do not match its content', () => {
    for (const body of ['{"files":[{"name":"a","size":5}]}\nabc', '{"files":[{"name":"a","size":1}]}\nabc', 'no newline', '{bad json}\n', '{"files":3}\n']) {
      const r = decodeBinaryBody(Buffer.from(body));
      expect(r.ok, body).toBe(false);
      expect((r as { message: string }).message).toMatch(/^上传的文件内容格式有误/);
    }
  });

  it('imports workbooks sent to browser mode as bytes', async () => {
    const begun = await post('import.begin', Buffer.from('{}'), 'application/json');
    const batchId = (begun.json.data as { batchId: string }).batchId;
    const bytes = await workbookBytes({ template: suining, unit: D01, values: valuesFor('D01') });
    const added = await post('import.add', await bodyOf({ batchId, files: [{ name: 'd01.xlsx', bytes }] }), 'application/octet-stream');
    expect(added.json).toMatchObject({ ok: true, data: { total: 1 } });
    const plan = await post('import.plan', Buffer.from(JSON.stringify({ batchId })), 'application/json');
    expect(plan.json).toMatchObject({ ok: true, data: { files: [{ status: 'new', sha256: expect.any(String) }] } });
    const bad = await post('import.add', Buffer.from(`{"batchId":"${batchId}","files":[{"name":"x","size":9}]}\n1`), 'application/octet-stream');
    expect([bad.status, bad.json.error?.message]).toEqual([400, '上传的文件内容格式有误：文件大小与内容不符']);
  });
});
