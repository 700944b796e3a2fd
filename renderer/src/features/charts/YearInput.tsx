/** A year field that lets the clerk type freely and takes the year once it is a valid one (2000–2100). */
import { useEffect, useState } from 'react';
import { MAX_YEAR, MIN_YEAR } from '../../../../shared/values/period';

export function YearInput({ label, year, onChange }: { label: string; year: number; onChange(year: number): void }) {
  const [text, setText] = useState(String(year));
  useEffect(() => setText(String(year)), [year]);
  const valid = (v: string) => /^\d{4}$/.test(v) && Number(v) >= MIN_YEAR && Number(v) <= MAX_YEAR;
  return (
    <input
      type="number"
      aria-label={label}
      aria-invalid={!valid(text)}
      value={text}
      min={MIN_YEAR}
      max={MAX_YEAR}
      onChange={(e) => {
        setText(e.target.value);
        if (valid(e.target.value)) onChange(Number(e.target.value));
      }}
      onBlur={() => setText(String(year))}
    />
  );
}
