import { afterEach, describe, expect, it } from 'vitest';
import { yearPeriod } from '../../../shared/values/period';
import { selfUnit } from '../context';
import { insertUnit } from '../store/units';
import { applyChanges } from '../store/values';
import { tempBackend, type TempBackend } from '../testing/tempBackend';
import { collectContent } from './collect';

let b: TempBackend;
afterEach(() => b.dispose());

describe('collectContent', () => {
  it('a submission carries the unit own values of the period; a bundle each unit of the subtree with its own', async () => {
    b = await tempBackend();
    const db = b.ctx.store.db;
    const self = selfUnit(b.ctx)!;
    const town = insertUnit(db, { code: 'T01', name: '某镇', kind: '乡镇', parentId: self.id });
    const village = insertUnit(db, { code: 'V01', name: '某村', kind: '村社区', parentId: town.id });
    insertUnit(db, { code: 'X01', name: '别的单位', kind: '部门' });
    const put = (unitId: number, month: number, value: number, year = 2017) =>
      ({ unitId, templateId: 'suining-2017', year, month, indicator: 'pub.total', col: '', value });
    applyChanges(db, [put(self.id, 1, 5), put(town.id, 2, 7), put(village.id, 3, 1), put(self.id, 1, 99, 2018)], { operator: 't', source: 'entry' });

    const own = collectContent(db, self, 'submission', 'suining-2017', yearPeriod(2017));
    expect(own.units).toEqual([{ code: 'TEST-01', name: '测试单位', kind: '部门', parentCode: '' }]);
    expect(own.values).toEqual([{ unitCode: 'TEST-01', indicator: 'pub.total', col: '', month: 1, value: 5 }]);

    const bundle = collectContent(db, self, 'bundle', 'suining-2017', yearPeriod(2017));
    expect(bundle.units.map((u) => [u.code, u.parentCode])).toEqual([['TEST-01', ''], ['T01', 'TEST-01'], ['V01', 'T01']]);
    expect(bundle.values.map((v) => [v.unitCode, v.month, v.value])).toEqual([['TEST-01', 1, 5], ['T01', 2, 7], ['V01', 3, 1]]);

    const q1 = collectContent(db, self, 'bundle', 'suining-2017', { year: 2017, fromMonth: 2, toMonth: 2 });
    expect(q1.values.map((v) => v.unitCode)).toEqual(['T01']);

    expect(collectContent(db, self, 'blank', 'suining-2017', yearPeriod(2017)).values).toEqual([]);
  });
});
