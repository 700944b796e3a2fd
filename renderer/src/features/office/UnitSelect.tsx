/** Picks a unit from the directory, indented by its level. */
import type { DirectoryUnit } from '../../../../shared/api/methods/units';

interface Props {
  label: string;
  units: DirectoryUnit[];
  value: string;
  onChange(code: string): void;
  placeholder?: string;
}

export function UnitSelect({ label, units, value, onChange, placeholder }: Props) {
  return (
    <label>
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {units.map((u) => (
          <option key={u.code} value={u.code}>
            {'　'.repeat(u.depth)}
            {u.name}（{u.code}）
          </option>
        ))}
      </select>
    </label>
  );
}
