import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { recordSubmission } from '../../store/submissions';
import { snapshot, tempBackend, type TempBackend } from '../../testing/tempBackend';
import { unitListXlsx, unitListXlsxByOpenpyxl } from '../../testing/unitListFixtures';

let b: TempBackend;
beforeEach(async () => {
  b = await tempBackend({ role: 'aggregator' });
  await b.invoke('units.update', { code: 'TEST-01', kind: '市' });
});
afterEach(() => b.dispose());

async function refused(method: string, args: unknown, pattern: RegExp, where?: string) {
  const before = snapshot(b);
  const r = await b.call(method, args);
  expect(r.ok, `${method} ${JSON.stringify(args)}`).toBe(false);
  if (!r.ok) {
    expect(r.error.message).toMatch(pattern);
    if (where !== undefined) expect(r.error.where).toBe(where);
  }
  expect(snapshot(b)).toBe(before);
}

async function setUpTree() {
  await b.invoke('units.create', { code: 'CZJ', name: '市财政局', kind: '部门', parentCode: 'TEST-01' });
  await b.invoke('units.create', { code: 'CX', name: '船山区', kind: '县区', parentCode: 'TEST-01', dueDay: 8 });
  await b.invoke('units.create', { code: 'CX-JYJ', name: '船山区教育局', kind: '部门', parentCode: 'CX' });
}

describe('unit directory', () => {
  it('builds a tree in display order with depths, due days and the default due day', async () => {
    await setUpTree();
    const tree = await b.invoke('units.tree', {});
    expect(tree.map((u) => [u.code, u.depth, u.effectiveDueDay, u.parentCode])).toEqual([
      ['TEST-01', 0, 5, null],
      ['CX', 1, 8, 'TEST-01'],
      ['CX-JYJ', 2, 5, 'CX'],
      ['CZJ', 1, 5, 'TEST-01'],
    ]);
    expect(tree[0].isSelf).toBe(true);
    expect(tree[0].childCount).toBe(2);
  });

  it('edits name, kind, code and due day, and resets the due day to the default', async () => {
    await setUpTree();
    const u = await b.invoke('units.update', { code: 'CX', newCode: 'CSQ', name: '船山区政府办', dueDay: 10 });
    expect(u).toMatchObject({ code: 'CSQ', name: '船山区政府办', dueDay: 10, effectiveDueDay: 10 });
    const child = (await b.invoke('units.tree', {})).find((x) => x.code === 'CX-JYJ');
    expect(child?.parentCode).toBe('CSQ');
    expect((await b.invoke('units.update', { code: 'CSQ', dueDay: null })).effectiveDueDay).toBe(5);
  });

  it('moves a unit under another parent and refuses cycles, changing nothing', async () => {
    await setUpTree();
    expect((await b.invoke('units.update', { code: 'CX-JYJ', parentCode: 'TEST-01' })).depth).toBe(1);
    await b.invoke('units.update', { code: 'CX-JYJ', parentCode: 'CX' });
    await refused('units.update', { code: 'CX', parentCode: 'CX-JYJ' }, /不能把“船山区”移到它自己的下级单位“船山区教育局”之下/, 'parentCode');
    await refused('units.update', { code: 'CX', parentCode: 'CX' }, /不能把“船山区”设为它自己的上级/, 'parentCode');
    await refused('units.update', { code: 'TEST-01', parentCode: 'CX-JYJ' }, /循环/, 'parentCode');
  });

  it('refuses every bad input with a Chinese message naming the field, changing nothing', async () => {
    await setUpTree();
    await refused('units.create', { code: 'CZJ', name: '重复', kind: '部门' }, /单位代码 CZJ 已被“市财政局”使用/, 'code');
    await refused('units.create', { code: '', name: '无代码', kind: '部门' }, /单位代码不能为空/, 'code');
    await refused('units.create', { code: 'A B', name: '空格', kind: '部门' }, /单位代码只能使用/, 'code');
    await refused('units.create', { code: 'N1', name: '  ', kind: '部门' }, /单位名称不能为空/, 'name');
    await refused('units.create', { code: 'N1', name: '某局', kind: '衙门' }, /单位类型应为/, 'kind');
    await refused('units.create', { code: 'N1', name: '某局', kind: '部门', parentCode: 'NOPE' }, /单位代码 NOPE 不在单位名录中/, 'parentCode');
    await refused('units.create', { code: 'N1', name: '某局', kind: '部门', dueDay: 31 }, /报送截止日应在1到28日之间/, 'dueDay');
    await refused('units.create', { code: 'N1', name: '某局', kind: '部门', dueDay: 2.5 }, /报送截止日应为整数/, 'dueDay');
    await refused('units.update', { code: 'NOPE', name: '某局' }, /单位代码 NOPE 不在单位名录中/, 'code');
    await refused('units.update', { code: 'CX', newCode: 'CZJ' }, /单位代码 CZJ 已被“市财政局”使用/, 'newCode');
    await refused('units.deactivate', { code: 'TEST-01' }, /本数据文件的单位，不能停用/, 'code');
    await refused('units.deactivate', { code: 'CX' }, /船山区”下还有1个在用的下级单位/, 'code');
  });

  it('deactivates and reactivates, and refuses to place units under an inactive parent', async () => {
    await setUpTree();
    expect((await b.invoke('units.deactivate', { code: 'CX-JYJ' })).active).toBe(false);
    expect((await b.invoke('units.deactivate', { code: 'CX' })).active).toBe(false);
    await refused('units.reactivate', { code: 'CX-JYJ' }, /上级单位“船山区”已停用/, 'code');
    await refused('units.create', { code: 'N2', name: '新局', kind: '部门', parentCode: 'CX' }, /上级单位“船山区”（CX）已停用/, 'parentCode');
    expect((await b.invoke('units.tree', { includeInactive: false })).map((u) => u.code)).toEqual(['TEST-01', 'CZJ']);
    // An inactive unit under an inactive parent can still be edited (the form sends its current parent).
    expect(await b.invoke('units.update', { code: 'CX-JYJ', name: '船山区教体局', parentCode: 'CX' })).toMatchObject({ name: '船山区教体局', active: false });
    await refused('units.update', { code: 'CZJ', parentCode: 'CX' }, /上级单位“船山区”（CX）已停用/, 'parentCode');
    expect((await b.invoke('units.reactivate', { code: 'CX' })).active).toBe(true);
  });

  it('never deletes a unit with values, submissions or sub-units; deletes an empty one', async () => {
    await setUpTree();
    await b.invoke('values.set', { templateId: 'suining-2017', year: 2017, month: 1, indicator: 'pub.total', raw: '3', unitCode: 'CZJ' });
    await refused('units.delete', { code: 'CZJ' }, /“市财政局”已有报送数据、修改记录或下级单位，只能停用，不能删除/, 'code');
    await refused('units.delete', { code: 'CX' }, /只能停用，不能删除/, 'code');
    const jyj = (await b.invoke('units.tree', {})).find((u) => u.code === 'CX-JYJ')!;
    recordSubmission(b.ctx.store.db, { unitId: jyj.id, templateId: 'suining-2017', year: 2017, month: 1, revision: 1, fingerprint: 'f' });
    await refused('units.delete', { code: 'CX-JYJ' }, /只能停用，不能删除/, 'code');
    // Figures entered and cleared again leave their history: the unit shows as having records and stays.
    await b.invoke('units.create', { code: 'QK', name: '已清空', kind: '其他' });
    await b.invoke('values.set', { templateId: 'suining-2017', year: 2017, month: 1, indicator: 'pub.total', raw: '3', unitCode: 'QK' });
    await b.invoke('values.set', { templateId: 'suining-2017', year: 2017, month: 1, indicator: 'pub.total', raw: '', unitCode: 'QK' });
    expect((await b.invoke('values.getYear', { templateId: 'suining-2017', year: 2017, unitCode: 'QK' })).values).toEqual([]);
    expect((await b.invoke('units.tree', {})).find((u) => u.code === 'QK')!.hasRecords).toBe(true);
    await refused('units.delete', { code: 'QK' }, /只能停用，不能删除/, 'code');
    await b.invoke('units.create', { code: 'TMP', name: '临时', kind: '其他' });
    expect((await b.invoke('units.tree', {})).find((u) => u.code === 'TMP')!.hasRecords).toBe(false);
    expect(await b.invoke('units.delete', { code: 'TMP' })).toEqual({ deleted: 'TMP' });
    expect((await b.invoke('units.tree', {})).some((u) => u.code === 'TMP')).toBe(false);
  });
});

describe('unit list import', () => {
  const header = ['代码', '名称', '上级代码', '类型'];

  it('previews new, changed, unchanged rows, then applies them in one go (parents listed after children too)', async () => {
    await setUpTree();
    const file = await unitListXlsx([
      header,
      ['CX-WJW', '船山区卫健委', 'CX', '县区部门'],
      ['CZJ', '遂宁市财政局', 'TEST-01', '部门'],
      ['CX', '船山区', 'TEST-01', '县区'],
      ['AJ-01', '安居区政务服务局', 'AJ', '部门'],
      ['AJ', '安居区', 'TEST-01', '区'],
      [510903, '数字代码单位', 'TEST-01', '乡镇'],
    ]);
    const before = snapshot(b);
    const p = await b.invoke('units.importPreview', { fileName: '名录.xlsx', base64: file });
    expect(snapshot(b)).toBe(before);
    expect(p.rows.map((r) => [r.row, r.code, r.status, r.kind])).toEqual([
      [2, 'CX-WJW', 'new', '部门'],
      [3, 'CZJ', 'changed', '部门'],
      [4, 'CX', 'unchanged', '县区'],
      [5, 'AJ-01', 'new', '部门'],
      [6, 'AJ', 'new', '县区'],
      [7, '510903', 'new', '乡镇'],
    ]);
    expect(p.rows[1].changes).toEqual(['名称：市财政局 → 遂宁市财政局']);
    expect(p.counts).toEqual({ new: 4, changed: 1, unchanged: 1, rejected: 0 });

    expect(await b.invoke('units.importApply', { fileName: '名录.xlsx', base64: file })).toEqual({ created: 4, changed: 1, unchanged: 1, skipped: 0 });
    const tree = await b.invoke('units.tree', {});
    expect(tree.find((u) => u.code === 'AJ-01')).toMatchObject({ parentCode: 'AJ', depth: 2, name: '安居区政务服务局' });
    expect(tree.find((u) => u.code === 'CZJ')?.name).toBe('遂宁市财政局');
    // Applying the same list again changes nothing.
    const again = snapshot(b);
    expect(await b.invoke('units.importApply', { fileName: '名录.xlsx', base64: file })).toEqual({ created: 0, changed: 0, unchanged: 6, skipped: 0 });
    expect(snapshot(b)).toBe(again);
  });

  it('rejects bad rows with their row numbers and Chinese reasons, and applies nothing from the file', async () => {
    await setUpTree();
    await b.invoke('units.create', { code: 'OLD', name: '已撤并', kind: '部门' });
    await b.invoke('units.deactivate', { code: 'OLD' });
    const file = await unitListXlsx([
      ['单位代码*', '单位名称', '上级单位代码', '单位类型'],
      ['OK-1', '好单位', 'TEST-01', '部门'],
      [null, '无代码', 'TEST-01', '部门'],
      ['DUP', '重复一', 'TEST-01', '部门'],
      ['DUP', '重复二', 'TEST-01', '部门'],
      ['ORPH', '无上级', 'NOWHERE', '部门'],
      ['KIND', '怪类型', 'TEST-01', '衙门'],
      ['LOOP-A', '甲', 'LOOP-B', '部门'],
      ['LOOP-B', '乙', 'LOOP-A', '部门'],
      ['MOVE', '把市移到区下', 'TEST-01', '部门'],
      ['TEST-01', '测试单位', 'CX-JYJ', '市'],
      ['CHILD', '挂在坏行下', 'DUP', '部门'],
      ['NONAME', '', 'TEST-01', '部门'],
      ['NOKIND', '无类型', 'TEST-01', ''],
      ['UNDER-OLD', '挂在停用单位下', 'OLD', '部门'],
    ]);
    const p = await b.invoke('units.importPreview', { fileName: 'bad.xlsx', base64: file });
    const reasons = Object.fromEntries(p.rows.map((r) => [r.row, r.status === 'rejected' ? r.reasons.join('；') : r.status]));
    expect(reasons[2]).toBe('new');
    expect(reasons[3]).toBe('缺少单位代码');
    expect(reasons[4]).toBe('单位代码 DUP 重复（又见第5行）');
    expect(reasons[5]).toBe('单位代码 DUP 重复（又见第4行）');
    expect(reasons[6]).toBe('上级代码 NOWHERE 既不在单位名录中，也不在本表中');
    expect(reasons[7]).toMatch(/^单位类型“衙门”无法识别/);
    expect(reasons[8]).toBe('上级关系形成循环：LOOP-A → LOOP-B → LOOP-A');
    expect(reasons[9]).toBe('上级关系形成循环：LOOP-B → LOOP-A → LOOP-B');
    expect(reasons[10]).toBe('new');
    expect(reasons[11]).toBe('上级关系形成循环：TEST-01 → CX-JYJ → CX → TEST-01');
    expect(reasons[12]).toBe('上级单位 DUP（第4行）有误，本行无法导入');
    expect(reasons[13]).toBe('缺少单位名称');
    expect(reasons[14]).toMatch(/^缺少单位类型/);
    expect(reasons[15]).toBe('上级单位 OLD（已撤并）已停用');
    expect(p.counts).toEqual({ new: 2, changed: 0, unchanged: 0, rejected: 12 });

    const before = snapshot(b);
    const r = await b.call('units.importApply', { fileName: 'bad.xlsx', base64: file });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.message).toMatch(/^文件“bad.xlsx”有12行不能导入，名录未作任何改动。第3行：缺少单位代码/);
      expect(r.error.where).toBe('bad.xlsx!单位名录!3');
    }
    expect(snapshot(b)).toBe(before);

    // Asked explicitly, the valid rows go in and the rejected ones are left out.
    expect(await b.invoke('units.importApply', { fileName: 'bad.xlsx', base64: file, skipRejected: true })).toMatchObject({ created: 2, skipped: 12 });
    expect((await b.invoke('units.tree', {})).filter((u) => ['OK-1', 'MOVE', 'DUP'].includes(u.code)).map((u) => u.code)).toEqual(['MOVE', 'OK-1']);
  });

  it('refuses files that are not a unit list, naming the file, changing nothing', async () => {
    const cases: [string, string, RegExp][] = [
      ['notes.xlsx', Buffer.from('这不是工作簿').toString('base64'), /文件“notes.xlsx”不是有效的 .xlsx 工作簿/],
      ['other.xlsx', await unitListXlsx([['姓名', '电话'], ['张三', '123']]), /文件“other.xlsx”中找不到单位名录的表头/],
      ['half.xlsx', await unitListXlsx([['代码', '名称'], ['A', '甲']]), /文件“half.xlsx”工作表“单位名录”第1行的表头缺少“上级代码”列/],
    ];
    for (const [fileName, base64, pattern] of cases) {
      await refused('units.importPreview', { fileName, base64 }, pattern);
      await refused('units.importApply', { fileName, base64 }, pattern);
    }
    await refused('units.importPreview', { fileName: 'x.xlsx', base64: '' }, /文件是空的/, 'base64');
  });

  it('opens a unit list with the importer’s capped reader: a zip bomb is refused before it is inflated', async () => {
    const bomb = zipSync({ 'xl/workbook.xml': new Uint8Array(40 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const base64 = Buffer.from(bomb).toString('base64');
    await refused('units.importPreview', { fileName: '名录.xlsx', base64 }, /文件“名录.xlsx”：解压后过大.*压缩炸弹/);
    await refused('units.importApply', { fileName: '名录.xlsx', base64 }, /压缩炸弹/);
  });

  it('accepts a list written by openpyxl, with a title row above the header and header variants', async () => {
    const file = unitListXlsxByOpenpyxl(
      [
        ['编码', '单位名称（全称）', '上级', '类别', '报送截止日'],
        ['SX', '射洪市', 'TEST-01', '县', 10],
        ['SX-TJJ', '射洪市统计局', 'SX', '部门', null],
      ],
      b.dir,
    );
    const p = await b.invoke('units.importPreview', { fileName: 'openpyxl.xlsx', base64: file });
    expect(p).toMatchObject({ sheetName: '名录', headerRow: 2, counts: { new: 2, rejected: 0 } });
    await b.invoke('units.importApply', { fileName: 'openpyxl.xlsx', base64: file });
    const tree = await b.invoke('units.tree', {});
    expect(tree.find((u) => u.code === 'SX')).toMatchObject({ kind: '县区', dueDay: 10, depth: 1 });
    expect(tree.find((u) => u.code === 'SX-TJJ')).toMatchObject({ parentCode: 'SX', dueDay: null });
  });
});
