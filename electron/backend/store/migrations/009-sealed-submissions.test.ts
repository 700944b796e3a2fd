import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dataFileAtVersion } from '../../testing/oldDataFile';
import { tempDir } from '../../testing/tempBackend';
import { keyLog } from '../keys';
import { ownKey } from '../ownKey';
import { Store } from '../store';
import { currentSubmission } from '../submissions';
import { signingKeyFromDer, signText, verifyText } from '../../workbook/seal';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('migration 009: sealed submissions', () => {
  it('gives a new data file its own key pair at setup, logged', async () => {
    const d = tempDir();
    dirs.push(d);
    const store = await Store.open(path.join(d, 'ledger.sqlite'));
    try {
      const k = ownKey(store.db);
      const signer = signingKeyFromDer(k.privateDer);
      expect(signer.publicKey).toBe(k.publicKey);
      expect(verifyText(k.publicKey, '数据', signText(signer, '数据'))).toBe(true);
      expect(keyLog(store.db)).toEqual([expect.objectContaining({ unitId: null, action: 'created', publicKey: k.publicKey })]);
    } finally {
      store.close();
    }
  });

  it('gives an existing file a key on first open, keeps its submissions (marked unsigned), and two files never share a key', async () => {
    const seed = `INSERT INTO units (id, code, name, kind, created_at, updated_at) VALUES (1, 'D01', '财政局', '部门', 'x', 'x');
      INSERT INTO submissions (unit_id, template_id, year, month, revision, fingerprint, received_at) VALUES (1, 'suining-2017', 2017, 1, 2, 'ab', 'x');`;
    const a = await Store.open(dataFileAtVersion(8, seed, dirs));
    const b = await Store.open(dataFileAtVersion(8, seed, dirs));
    try {
      expect(ownKey(a.db).publicKey).not.toBe(ownKey(b.db).publicKey);
      expect(currentSubmission(a.db, 1, 'suining-2017', 2017, 1)).toMatchObject({ revision: 2, seal: 'unsigned' });
    } finally {
      a.close();
      b.close();
    }
  });

  it('makes a key again, logged, for a file whose key row is gone', async () => {
    const d = tempDir();
    dirs.push(d);
    const store = await Store.open(path.join(d, 'ledger.sqlite'));
    try {
      const first = ownKey(store.db).publicKey;
      store.db.exec('DELETE FROM file_key');
      const again = ownKey(store.db).publicKey;
      expect(again).not.toBe(first);
      expect(keyLog(store.db)[0]).toMatchObject({ action: 'created', publicKey: again, reason: expect.stringContaining('重新生成') });
    } finally {
      store.close();
    }
  });
});
