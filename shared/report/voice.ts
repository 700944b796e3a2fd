/**
 * How a report speaks of its author: 我市 / 全市 for a city, 我县 / 我区 for
 * a county or district (from the name's ending), 本机关 for a department.
 */
import type { UnitKind } from '../domain';

export interface Voice {
  /** Subject of a sentence: 我市, 我县, 本机关. */
  we: string;
  /** Scope of a count: 全市, 全县, 本机关. */
  all: string;
}

function place(suffix: string): Voice {
  return { we: `我${suffix}`, all: `全${suffix}` };
}

function endingOf(name: string, endings: string[]): string | undefined {
  return endings.find((e) => name.endsWith(e));
}

export function voiceFor(unit: { name: string; kind: UnitKind | string }, level: boolean): Voice {
  const name = unit.name.replace(/(人民政府|政府办公室|政府办公厅|办公室)$/, '');
  switch (unit.kind) {
    case '市':
      return place('市');
    case '县区':
      return place(endingOf(name, ['县', '区', '市', '旗']) ?? '县');
    case '乡镇':
      return place(endingOf(name, ['镇', '乡']) ?? '镇');
    case '街道':
      return { we: '本街道', all: '全街道' };
    case '园区':
      return { we: '本园区', all: '全园区' };
    case '村社区':
      return name.endsWith('社区') ? { we: '本社区', all: '本社区' } : { we: '本村', all: '全村' };
    default:
      return level ? { we: '本系统', all: '本系统' } : { we: '本机关', all: '本机关' };
  }
}
