/** Year and month range of a chart: one month, a range, or the whole year. */
import type { Period } from '../../../../shared/values/period';
import { MonthSelect } from '../../components/MonthSelect';
import { t } from '../../i18n/catalog';
import { YearInput } from './YearInput';

export function PeriodPicker({ period, onChange }: { period: Period; onChange(p: Period): void }) {
  return (
    <>
      <label>
        {t('charts.year')}
        <YearInput label={t('charts.year')} year={period.year} onChange={(year) => onChange({ ...period, year })} />
      </label>
      <MonthSelect label={t('charts.fromMonth')} value={period.fromMonth} onChange={(m) => onChange({ ...period, fromMonth: m, toMonth: Math.max(period.toMonth, m) })} />
      <MonthSelect label={t('charts.toMonth')} value={period.toMonth} onChange={(m) => onChange({ ...period, toMonth: m, fromMonth: Math.min(period.fromMonth, m) })} />
      <button onClick={() => onChange({ ...period, fromMonth: 1, toMonth: 12 })}>{t('charts.wholeYear')}</button>
    </>
  );
}
