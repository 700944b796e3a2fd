/**
 * The one-line check before an export (and the cover's 检查情况) judges the
 * unit the way completing its months does: a kind-limited rule (规章 only by
 * governments with rule-making power) counts for a 县区 and not for a 部门.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { COVER_SHEET } from '../../../shared/workbook/format';
import { tempBackend } from '../testing/tempBackend';

const T = 'ledger-2021';
const JANUARY = { year: 2017, fromMonth: 1, toMonth: 1 };

async function checkAs(unitKind: '县区' | '部门') {
  const b = await tempBackend({ setup: false });
  try {
    await b.invoke('setup.init', { unitCode: 'K01', unitName: unitKind === '县区' ? '船山区人民政府' : '市财政局', role: 'filer', unitKind, operator: '李四' });
    await b.invoke('values.setMany', { templateId: T, year: 2017, cells: [{ month: 1, indicator: 't2.rules', col: 'issued', raw: '1' }] });
    const check = await b.invoke('export.check', { templateId: T, period: JANUARY });
    const out = await b.invoke('export.workbook', { templateId: T, period: JANUARY, kind: 'submission' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.base64, 'base64') as unknown as ExcelJS.Buffer);
    const cover: string[] = [];
    wb.getWorksheet(COVER_SHEET)!.eachRow((row) => cover.push(`${String(row.getCell(1).value)}|${String(row.getCell(2).value)}`));
    return { check, cover };
  } finally {
    b.dispose();
  }
}

describe('export.check and the cover', () => {
  it('count the 规章 warning for a 县区 and not for a 部门, and print the same line', async () => {
    const county = await checkAs('县区');
    const department = await checkAs('部门');
    expect(county.check.unexplained).toBe(department.check.unexplained + 1);
    expect(county.check.summary).toContain(`${county.check.unexplained}个提醒未填写说明`);
    expect(county.cover).toContain(`检查情况|${county.check.summary}`);
    expect(department.cover).toContain(`检查情况|${department.check.summary}`);
  });
});
