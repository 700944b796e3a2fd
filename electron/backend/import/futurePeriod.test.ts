import { describe, expect, it } from 'vitest';
import { monthPeriod, yearPeriod } from '../../../shared/values/period';
import { describePlan } from '../cli/commands/merge';
import { workbookBytes } from '../testing/importFixtures';
import { D01, suining, templates, useImportBackend, valuesFor } from '../testing/importHarness';
import { fillEveryCell } from '../testing/seedValues';
import { ImportBatch } from './session';

const h = useImportBackend();
const nextYear = new Date().getFullYear() + 1;

describe('import: figures for months after the current one', () => {
  it('are a warning of the dry run, not a refusal: the file still imports', async () => {
    const bytes = await workbookBytes({ template: suining, unit: D01, values: valuesFor('D01'), period: yearPeriod(nextYear) });
    const { plans, applied } = await h.importFiles([['明年.xlsx', bytes]]);
    expect(plans[0].status).toBe('new');
    expect(plans[0].problems).toEqual([]);
    expect(plans[0].warnings.map((w) => w.code)).toEqual(['future_period']);
    expect(plans[0].warnings[0].message).toContain(`${nextYear}年1月、${nextYear}年2月`);
    expect(applied[0].status).toBe('new');
    // The command line prints it too.
    expect(describePlan(plans[0])).toContain(`! 文件中有尚未到来的月份的数据（${nextYear}年1月`);
  });

  it('name only the months after this one that carry figures', async () => {
    const plan = async (values: number[], period = yearPeriod(2024)) => {
      const batch = new ImportBatch({ templates: (id) => templates.get(id), today: { year: 2024, month: 5 } });
      batch.add('表.xlsx', await workbookBytes({ template: suining, unit: D01, values: fillEveryCell(suining, 'D01', values, 1), period }));
      const [p] = batch.plan(h.b.ctx.store.db);
      expect(p.status).toBe('new');
      return p.warnings.map((w) => w.message);
    };
    expect(await plan([4, 5, 7])).toEqual(['文件中有尚未到来的月份的数据（2024年7月），请确认统计期间或年份是否填错；如无误可照常导入']);
    expect(await plan([5], monthPeriod(2024, 5))).toEqual([]);
  });
});
