/** The kinds of unit, and the names offices commonly write for them. */
import { UNIT_KINDS, type UnitKind } from '../../../shared/domain';

const ALIASES: Record<string, UnitKind> = {
  市政府: '市',
  地级市: '市',
  县: '县区',
  区: '县区',
  县市区: '县区',
  '县（区）': '县区',
  '县(区)': '县区',
  县级: '县区',
  开发区: '园区',
  高新区: '园区',
  新区: '园区',
  市直部门: '部门',
  县区部门: '部门',
  县直部门: '部门',
  区直部门: '部门',
  部门单位: '部门',
  乡: '乡镇',
  镇: '乡镇',
  村: '村社区',
  社区: '村社区',
  村居: '村社区',
  村社: '村社区',
};

export function parseUnitKind(text: string): UnitKind | undefined {
  const t = text.replace(/\s/g, '');
  if ((UNIT_KINDS as readonly string[]).includes(t)) return t as UnitKind;
  return ALIASES[t];
}
