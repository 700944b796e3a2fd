/**
 * The one year field: the clerk types freely, and the year is taken once it
 * is a valid one (2000–2100); leaving the field with anything else puts the
 * year back, so a half-typed year never reaches a query.
 */
import { useEffect, useId, useState } from 'react';
import { MAX_YEAR, MIN_YEAR } from '../../../shared/values/period';
import { t } from '../i18n/catalog';

const valid = (v: string) => /^\d{4}$/.test(v) && Number(v) >= MIN_YEAR && Number(v) <= MAX_YEAR;

/** years: the years with figures, offered as choices (the field still takes any year). */
export function YearInput({ year, onChange, label = t('common.year'), years }: { year: number; onChange(year: number): void; label?: string; years?: readonly number[] }) {
  const [text, setText] = useState(String(year));
  const listId = useId();
  useEffect(() => setText(String(year)), [year]);
  return (
    <label>
      {label}
      <input
        type="number"
        aria-label={label}
        aria-invalid={!valid(text)}
        value={text}
        min={MIN_YEAR}
        max={MAX_YEAR}
        list={years?.length ? listId : undefined}
        onChange={(e) => {
          setText(e.target.value);
          if (valid(e.target.value)) onChange(Number(e.target.value));
        }}
        onBlur={() => setText(String(year))}
      />
      {years && years.length > 0 && (
        <datalist id={listId}>
          {years.map((y) => (
            <option key={y} value={y} />
          ))}
        </datalist>
      )}
    </label>
  );
}
