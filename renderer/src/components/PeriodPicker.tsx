/**
 * The one period picker: a year (unless the page fixes it), and the whole
 * year, one month, or a range of months of it. It always gives a valid
 * period (the range cannot run backwards).
 */
import { useState } from 'react';
import type { Period } from '../../../shared/values/period';
import { t } from '../i18n/catalog';
import { MonthSelect } from './MonthSelect';
import { YearInput } from './YearInput';

type Mode = 'year' | 'month' | 'range';

const modeOf = (p: Period): Mode => (p.fromMonth === 1 && p.toMonth === 12 ? 'year' : p.fromMonth === p.toMonth ? 'month' : 'range');

/** The chosen mode while the period still fits it (a range may cover one month or all twelve); else the period's own. */
const fits = (mode: Mode, p: Period) => mode === 'range' || mode === modeOf(p);

export function PeriodPicker({ period, onChange, withYear = true }: { period: Period; onChange(p: Period): void; withYear?: boolean }) {
  const [chosen, setChosen] = useState<Mode>(() => modeOf(period));
  const mode = fits(chosen, period) ? chosen : modeOf(period);
  const change = (next: Partial<Period>) => onChange({ ...period, ...next });

  const setMode = (m: Mode) => {
    setChosen(m);
    if (m === 'year') change({ fromMonth: 1, toMonth: 12 });
    else if (m === 'month') change({ toMonth: period.fromMonth });
  };

  return (
    <>
      {withYear && <YearInput year={period.year} onChange={(year) => change({ year })} />}
      <label>
        {t('common.period')}
        <select aria-label={t('common.period')} value={mode} onChange={(e) => setMode(e.target.value as Mode)}>
          <option value="year">{t('common.period.year')}</option>
          <option value="month">{t('common.period.month')}</option>
          <option value="range">{t('common.period.range')}</option>
        </select>
      </label>
      {mode === 'month' && <MonthSelect label={t('common.month')} value={period.fromMonth} onChange={(m) => change({ fromMonth: m, toMonth: m })} />}
      {mode === 'range' && (
        <>
          <MonthSelect label={t('common.fromMonth')} value={period.fromMonth} onChange={(m) => change({ fromMonth: m, toMonth: Math.max(m, period.toMonth) })} />
          <MonthSelect label={t('common.toMonth')} value={period.toMonth} onChange={(m) => change({ fromMonth: Math.min(m, period.fromMonth), toMonth: m })} />
        </>
      )}
    </>
  );
}
