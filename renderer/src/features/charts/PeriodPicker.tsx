/** Year and month range of a chart: one month, a range, or the whole year. */
import { MONTHS, type Period } from '../../../../shared/values/period';
import { t } from '../../i18n/catalog';
import { YearInput } from './YearInput';

export function PeriodPicker({ period, onChange }: { period: Period; onChange(p: Period): void }) {
  return (
    <>
      <label>
        {t('charts.year')}
        <YearInput label={t('charts.year')} year={period.year} onChange={(year) => onChange({ ...period, year })} />
      </label>
      <label>
        {t('charts.fromMonth')}
        <select aria-label={t('charts.fromMonth')} value={period.fromMonth} onChange={(e) => onChange({ ...period, fromMonth: Number(e.target.value), toMonth: Math.max(period.toMonth, Number(e.target.value)) })}>
          {MONTHS.map((m) => (
            <option key={m} value={m}>
              {m}月
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('charts.toMonth')}
        <select aria-label={t('charts.toMonth')} value={period.toMonth} onChange={(e) => onChange({ ...period, toMonth: Number(e.target.value), fromMonth: Math.min(period.fromMonth, Number(e.target.value)) })}>
          {MONTHS.map((m) => (
            <option key={m} value={m}>
              {m}月
            </option>
          ))}
        </select>
      </label>
      <button onClick={() => onChange({ ...period, fromMonth: 1, toMonth: 12 })}>{t('charts.wholeYear')}</button>
    </>
  );
}
