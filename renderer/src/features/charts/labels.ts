import type { ChartScope } from '../../../../shared/api/methods/charts';
import { formatPeriodKey, formatPeriodLabel, type Period } from '../../../../shared/values/period';
import { t } from '../../i18n/catalog';

/** "2017年 · 遂宁市（含下级），3个单位" */
export function scopeLabel(period: Period, scope: ChartScope): string {
  return `${formatPeriodLabel(period)} · ${t('charts.scope', { unit: scope.unitName, level: t(scope.subtree ? 'charts.scope.level' : 'charts.scope.own'), count: scope.unitCount })}`;
}

/** File names: unit code and period key, no characters a file system refuses. */
export function fileStem(period: Period, scope: ChartScope): string {
  return `${scope.unitCode}-${formatPeriodKey(period)}`.replace(/[\\/:*?"<>|.]+/g, '_');
}
