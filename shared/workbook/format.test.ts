import { describe, expect, it } from 'vitest';
import { exportFileName, exportPeriodLabel, periodTotalHeader, sheetName, templateFileLabel } from './format';

describe('workbook format helpers', () => {
  it('names the roll-up column and the file period: 全年, a range, none for one month', () => {
    expect(periodTotalHeader({ year: 2017, fromMonth: 1, toMonth: 12 })).toBe('全年');
    expect(periodTotalHeader({ year: 2017, fromMonth: 1, toMonth: 6 })).toBe('1-6月');
    expect(periodTotalHeader({ year: 2017, fromMonth: 3, toMonth: 3 })).toBeNull();
    expect(exportPeriodLabel({ year: 2017, fromMonth: 3, toMonth: 3 })).toBe('3月');
    expect(exportPeriodLabel({ year: 2017, fromMonth: 4, toMonth: 9 })).toBe('4-9月');
  });

  it('makes file names Windows accepts', () => {
    expect(exportFileName(2017, '遂宁市财政局', '2021格式', '全年')).toBe('2017年遂宁市财政局政务公开统计_2021格式_全年.xlsx');
    const name = exportFileName(2017, 'A/B:C*D?"E"<F>|G\\H. ', 'x/y', '1-6月');
    expect(name).toBe('2017年A_B_C_D__E__F__G_H政务公开统计_x_y_1-6月.xlsx');
    expect(name).not.toMatch(/[<>:"/\\|?*]/);
  });

  it('names the template in file names by its data: fileLabel, else its name', () => {
    expect(templateFileLabel({ name: '政府信息公开工作年度报告（2021年版格式）', fileLabel: '2021年报格式' })).toBe('2021年报格式');
    expect(templateFileLabel({ name: '自定义台账' })).toBe('自定义台账');
  });

  it('keeps sheet names within Excel rules', () => {
    expect(sheetName('三、收到和处理政府信息公开申请情况')).toBe('三、收到和处理政府信息公开申请情况');
    expect(sheetName('a[b]c:d*e?f/g\\h')).toBe('a_b_c_d_e_f_g_h');
    expect([...sheetName('长'.repeat(40))]).toHaveLength(31);
  });
});
