/** A labelled month picker (1月 … 12月). */
import { MONTHS } from '../../../shared/values/period';
import { t } from '../i18n/catalog';

export function MonthSelect({ label, value, onChange }: { label: string; value: number; onChange(m: number): void }) {
  return (
    <label>
      {label}
      <select aria-label={label} value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {MONTHS.map((m) => (
          <option key={m} value={m}>
            {t('common.monthN', { n: m })}
          </option>
        ))}
      </select>
    </label>
  );
}
