import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempBackend, type TempBackend } from '../testing/tempBackend';
import { getImport, importsBySha256, listImports, logImport } from './importLog';
import { currentSubmission, currentSubmissions, recordSubmission, submissionHistory } from './submissions';
import { insertUnit } from './units';

let b: TempBackend;
let unitId: number;
beforeEach(async () => {
  b = await tempBackend({ role: 'aggregator' });
  unitId = insertUnit(b.ctx.store.db, { code: 'D1', name: '某局', kind: '部门' }).id;
});
afterEach(() => b.dispose());

const base = { templateId: 'suining-2017', year: 2017, month: 3 };

describe('submissions', () => {
  it('records a first submission, ignores older revisions and marks a newer different one as corrected', () => {
    const db = b.ctx.store.db;
    expect(recordSubmission(db, { ...base, unitId, revision: 2, fingerprint: 'a' }).outcome).toBe('new');
    expect(recordSubmission(db, { ...base, unitId, revision: 1, fingerprint: 'old' }).outcome).toBe('superseded');
    expect(recordSubmission(db, { ...base, unitId, revision: 2, fingerprint: 'a' }).outcome).toBe('unchanged');
    expect(recordSubmission(db, { ...base, unitId, revision: 2, fingerprint: 'b' }).outcome).toBe('conflict');
    expect(currentSubmission(db, unitId, base.templateId, 2017, 3)).toMatchObject({ revision: 2, fingerprint: 'a', corrected: false });

    const r = recordSubmission(db, { ...base, unitId, revision: 3, fingerprint: 'c', completed: true });
    expect(r.outcome).toBe('corrected');
    expect(r.current).toMatchObject({ revision: 3, corrected: true, previousRevision: 2, completed: true, current: true });
    expect(submissionHistory(db, unitId, base.templateId, 2017, 3).map((s) => [s.revision, s.current])).toEqual([
      [3, true],
      [2, false],
    ]);
    // A newer export of the same figures only refreshes the record.
    expect(recordSubmission(db, { ...base, unitId, revision: 4, fingerprint: 'c', completed: true })).toMatchObject({ outcome: 'unchanged', current: { revision: 4 } });
    // The user may choose to take a different file with the same revision.
    expect(recordSubmission(db, { ...base, unitId, revision: 4, fingerprint: 'd', force: true })).toMatchObject({ outcome: 'corrected', current: { previousRevision: 4 } });
    expect(currentSubmissions(db, base.templateId, 2017)).toHaveLength(1);
    expect(currentSubmissions(db, base.templateId, 2017, [unitId + 1])).toHaveLength(0);
  });

  it('writes nothing when the surrounding transaction fails', () => {
    const db = b.ctx.store.db;
    expect(() =>
      db.transaction(() => {
        recordSubmission(db, { ...base, unitId, revision: 1, fingerprint: 'a' });
        throw new Error('values refused');
      })(),
    ).toThrow('values refused');
    expect(currentSubmissions(db, base.templateId, 2017)).toEqual([]);
  });
});

describe('import log', () => {
  it('keeps each file with its hash, operator, outcome and details, and links submissions to it', () => {
    const db = b.ctx.store.db;
    const id = logImport(db, {
      fileName: '某局-2017-03.xlsx',
      sha256: 'abc',
      storedPath: 'imports/abc.xlsx',
      operator: '李四（SN）',
      outcome: 'applied',
      message: '已导入 12 个数值',
      details: { unitCode: 'D1', changed: 12 },
    });
    logImport(db, { fileName: 'bad.xlsx', sha256: 'def', operator: '李四（SN）', outcome: 'rejected', message: '不是有效的工作簿' });
    expect(getImport(db, id)).toMatchObject({ fileName: '某局-2017-03.xlsx', outcome: 'applied', details: { unitCode: 'D1', changed: 12 }, storedPath: 'imports/abc.xlsx' });
    expect(listImports(db).map((e) => e.fileName)).toEqual(['bad.xlsx', '某局-2017-03.xlsx']);
    expect(importsBySha256(db, 'abc')).toHaveLength(1);
    const s = recordSubmission(db, { ...base, unitId, revision: 1, fingerprint: 'a', importId: id });
    expect(s.current.importId).toBe(id);
  });
});
