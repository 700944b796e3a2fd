/** A period of one year: the whole year, one month, or a range of months. */
import { MonthSelect } from '../../components/MonthSelect';
import { t } from '../../i18n/catalog';

export interface MonthRange {
  fromMonth: number;
  toMonth: number;
}

type Mode = 'year' | 'month' | 'range';

const modeOf = (r: MonthRange): Mode => (r.fromMonth === 1 && r.toMonth === 12 ? 'year' : r.fromMonth === r.toMonth ? 'month' : 'range');

export function PeriodPicker({ value, onChange }: { value: MonthRange; onChange(r: MonthRange): void }) {
  const mode = modeOf(value);
  const setMode = (m: Mode) => {
    if (m === 'year') onChange({ fromMonth: 1, toMonth: 12 });
    else if (m === 'month') onChange({ fromMonth: value.fromMonth, toMonth: value.fromMonth });
    else onChange({ fromMonth: value.fromMonth === 12 ? 11 : value.fromMonth, toMonth: value.fromMonth === 12 ? 12 : Math.max(value.toMonth, value.fromMonth + 1) });
  };
  return (
    <>
      <label>
        {t('office.totals.period')}
        <select value={mode} onChange={(e) => setMode(e.target.value as Mode)}>
          <option value="year">{t('office.totals.period.year')}</option>
          <option value="month">{t('office.totals.period.month')}</option>
          <option value="range">{t('office.totals.period.range')}</option>
        </select>
      </label>
      {mode === 'month' && <MonthSelect label={t('common.month')} value={value.fromMonth} onChange={(m) => onChange({ fromMonth: m, toMonth: m })} />}
      {mode === 'range' && (
        <>
          <MonthSelect label={t('office.totals.from')} value={value.fromMonth} onChange={(m) => onChange({ fromMonth: m, toMonth: Math.max(m, value.toMonth) })} />
          <MonthSelect label={t('office.totals.to')} value={value.toMonth} onChange={(m) => onChange({ fromMonth: Math.min(m, value.fromMonth), toMonth: m })} />
        </>
      )}
    </>
  );
}
