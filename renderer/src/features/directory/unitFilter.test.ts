import { describe, expect, it } from 'vitest';
import type { DirectoryUnit } from '../../../../shared/api/methods/units';
import { filterUnits, kindsOf, NO_FILTER } from './unitFilter';

function unit(code: string, name: string, kind: string, parentCode: string | null, active = true): DirectoryUnit {
  return { id: 0, code, name, kind, parentId: null, parentCode, active, dueDay: null, effectiveDueDay: 5, depth: 0, childCount: 0, hasRecords: false, isSelf: false };
}

const units = [
  unit('SN', '遂宁市人民政府', '市', null),
  unit('SN-FGW', '遂宁市发展和改革委员会', '部门', 'SN'),
  unit('SN-CY', '船山区人民政府', '县区', 'SN'),
  unit('SN-CY-01', '船山区教育局', '部门', 'SN-CY'),
  unit('SN-CY-02', '船山区卫生健康局', '部门', 'SN-CY', false),
  unit('SN-AJ', '安居区人民政府', '县区', 'SN'),
  unit('SN-AJ-01', '安居区教育局', '部门', 'SN-AJ'),
];
const codes = (f: Partial<typeof NO_FILTER>) => filterUnits(units, { ...NO_FILTER, ...f }).map((r) => (r.contextOnly ? `(${r.unit.code})` : r.unit.code));

describe('filterUnits', () => {
  it('shows everything without a filter', () => {
    expect(codes({})).toEqual(units.map((u) => u.code));
  });

  it('finds by any part of the name or the code, keeping ancestors as context', () => {
    expect(codes({ query: '教育' })).toEqual(['(SN)', '(SN-CY)', 'SN-CY-01', '(SN-AJ)', 'SN-AJ-01']);
    expect(codes({ query: 'cy-0' })).toEqual(['(SN)', '(SN-CY)', 'SN-CY-01', 'SN-CY-02']);
    expect(codes({ query: ' 船山 区 ' })).toEqual(['(SN)', 'SN-CY', 'SN-CY-01', 'SN-CY-02']);
  });

  it('filters by kind, parent subtree and activity, together with the query', () => {
    expect(codes({ kind: '县区' })).toEqual(['(SN)', 'SN-CY', 'SN-AJ']);
    expect(codes({ parentCode: 'SN-CY' })).toEqual(['(SN)', 'SN-CY', 'SN-CY-01', 'SN-CY-02']);
    expect(codes({ parentCode: 'SN-CY', showInactive: false })).toEqual(['(SN)', 'SN-CY', 'SN-CY-01']);
    expect(codes({ parentCode: 'SN-AJ', query: '教育', kind: '部门' })).toEqual(['(SN)', '(SN-AJ)', 'SN-AJ-01']);
    expect(codes({ query: '没有这个单位' })).toEqual([]);
  });

  it('lists the kinds present', () => {
    expect(kindsOf(units)).toEqual(['市', '部门', '县区']);
  });
});
