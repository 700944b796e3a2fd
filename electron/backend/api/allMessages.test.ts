/**
 * Every message a person can meet is Chinese and names fields as the forms
 * do: each message of the UI catalog (renderer/src/i18n/), each error code
 * the API answers — including a malformed call to every method — and every
 * storage failure. It fails on an English word outside the allow-list
 * (shared/text/englishWords.ts) or on a field id of the API contract
 * (unitCode, templateId…), the words people never see on a form.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { apiInputs, METHODS } from '../../../shared/api/contract';
import type { ApiResult, ErrorCode } from '../../../shared/api/result';
import { englishWords } from '../../../shared/text/englishWords';
import { messages } from '../../../renderer/src/i18n/catalog';
import { storageFailure } from '../store/storageErrors';
import { tempBackend, type TempBackend } from '../testing/tempBackend';

/** Key names a shortcut list must print as they are on the keyboard. */
const KEYBOARD = new Set(['ctrl', 'shift', 'alt', 'enter', 'tab', 'esc', 'home', 'end', 'delete', 'backspace', 'space', 'insert', 'pageup', 'pagedown', 'cmd']);

/** Every property name anywhere in the API's input schemas: what a message must never show. */
function contractFieldIds(): Set<string> {
  const ids = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (o.properties && typeof o.properties === 'object') for (const k of Object.keys(o.properties)) ids.add(k);
    Object.values(o).forEach(walk);
  };
  for (const schema of Object.values(apiInputs)) walk(z.toJSONSchema(schema as z.ZodType, { unrepresentable: 'any', io: 'input' }));
  return ids;
}
const FIELD_IDS = contractFieldIds();

/** Field ids in a text: ASCII words that are contract properties (what a person typed, in “…”, is theirs). */
function fieldIds(text: string): string[] {
  const ours = text.replace(/“[^”]*”/g, ' ');
  return [...new Set([...ours.matchAll(/[A-Za-z_][A-Za-z0-9_]*/g)].map((m) => m[0]).filter((w) => FIELD_IDS.has(w)))];
}

function problemsOf(text: string, allowKeys = false): string[] {
  const english = englishWords(text).filter((w) => !(allowKeys && KEYBOARD.has(w.toLowerCase())));
  return [...english.map((w) => `英文：${w}`), ...fieldIds(text).map((f) => `字段名：${f}`)];
}

function expectReadable(where: string, r: ApiResult<unknown>): void {
  expect(r.ok, `${where} should fail`).toBe(false);
  if (r.ok) return;
  expect(problemsOf(r.error.message), `${where} [${r.error.code}]: ${r.error.message}`).toEqual([]);
}

let b: TempBackend;
afterEach(() => b?.dispose());

describe('every message a person can meet', () => {
  it('finds the contract’s field ids (the check itself can fail)', () => {
    expect(FIELD_IDS).toContain('unitCode');
    expect(FIELD_IDS).toContain('templateId');
    expect(FIELD_IDS).toContain('fromMonth');
    expect(problemsOf('调用参数有误：unitCode：不能为空')).toEqual(['英文：unitCode', '字段名：unitCode']);
    expect(problemsOf('单位代码不能为空')).toEqual([]);
  });

  it('the UI catalog: every message key', () => {
    const found: string[] = [];
    for (const [key, text] of Object.entries(messages)) {
      // {placeholders} are filled with data; their names are code.
      const shown = text.replace(/\{[A-Za-z0-9_]+\}/g, ' ');
      const problems = problemsOf(shown, key.startsWith('ledger.shortcuts.'));
      if (problems.length > 0) found.push(`${key}: ${text} → ${problems.join('、')}`);
    }
    expect(found).toEqual([]);
    expect(Object.keys(messages).length).toBeGreaterThan(300);
  });

  it('a malformed call to every method, empty and with a stray field', async () => {
    b = await tempBackend({ role: 'aggregator' });
    for (const method of METHODS) {
      for (const input of [{ stray: 1 }, { year: 'x', month: 13, templateId: 7, unitCode: ' ', period: {}, files: 'x' }]) {
        const r = await b.call(method, input);
        if (r.ok) continue; // a method that takes nothing and ignores nothing cannot be malformed
        expect(problemsOf(r.error.message), `${method} ${JSON.stringify(input)}: ${r.error.message}`).toEqual([]);
      }
    }
  }, 60_000);

  it('every error code the API answers', async () => {
    const seen = new Set<ErrorCode>();
    const check = (where: string, r: ApiResult<unknown>) => {
      expectReadable(where, r);
      if (!r.ok) seen.add(r.error.code);
    };
    const T = 'suining-2017';
    b = await tempBackend({ setup: false });
    check('not set up', await b.call('export.workbook', { templateId: T, period: { year: 2017, fromMonth: 1, toMonth: 12 } }));
    b.dispose();
    b = await tempBackend({ role: 'filer' });
    check('unknown method', await b.call('no.such', {}));
    check('bad request', await b.call('values.set', { templateId: T, year: 2017, month: 13, indicator: 'pub.total', raw: '1' }));
    check('not found', await b.call('templates.get', { templateId: 'no-such' }));
    check('invalid value', await b.call('values.set', { templateId: T, year: 2017, month: 1, indicator: 'pub.total', raw: '一二三' }));
    check('forbidden', await b.call('office.matrix', { templateId: T, year: 2017 }));
    await b.invoke('values.set', { templateId: T, year: 2017, month: 1, indicator: 'pub.total', raw: '5' });
    check('rule errors', await b.call('months.complete', { templateId: T, year: 2017, month: 1 }));
    await b.invoke('months.declareNoData', { templateId: T, year: 2017, month: 3 });
    check('locked', await b.call('values.set', { templateId: T, year: 2017, month: 3, indicator: 'pub.total', raw: '6' }));
    b.dispose();
    b = await tempBackend({ role: 'aggregator' });
    await b.invoke('units.create', { code: 'D01', name: '市财政局', kind: '部门', parentCode: 'TEST-01' });
    check('conflict', await b.call('units.create', { code: 'D01', name: '又一个', kind: '部门', parentCode: 'TEST-01' }));
    // An error nobody foresaw: the data file's connection gone under the handler.
    b.ctx.store.db.close();
    check('internal', await b.call('units.list', {}));
    expect([...seen].sort()).toEqual(
      (['bad_request', 'unknown_method', 'not_setup', 'not_found', 'invalid_value', 'conflict', 'forbidden', 'rule_errors', 'locked', 'internal'] as ErrorCode[]).sort(),
    );
  });

  it('io: every storage failure the data file, backups and originals can meet', () => {
    const codes = ['SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_FULL', 'SQLITE_READONLY', 'SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_IOERR_WRITE', 'SQLITE_CANTOPEN', 'SQLITE_PROTOCOL', 'SQLITE_NOLFS'];
    const errnos = ['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EPERM', 'ENOTDIR', 'EEXIST', 'EISDIR', 'ELOOP', 'ENAMETOOLONG', 'EIO', 'EMFILE', 'ENFILE'];
    for (const code of [...codes, ...errnos]) {
      const failure = storageFailure(Object.assign(new Error('disk I/O error'), { code, path: '/data/ledger.sqlite' }), '/data/ledger.sqlite');
      expect(failure, code).toBeDefined();
      expect(problemsOf(failure!.message), `${code}: ${failure!.message}`).toEqual([]);
    }
  });
});
