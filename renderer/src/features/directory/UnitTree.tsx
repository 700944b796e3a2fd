/** The directory as an indented table: one row per unit, actions reachable by keyboard. */
import type { DirectoryUnit } from '../../../../shared/api/methods/units';
import { t } from '../../i18n/catalog';
import type { FilteredUnit } from './unitFilter';

interface Props {
  units: FilteredUnit[];
  selectedCode: string | null;
  onEdit(unit: DirectoryUnit): void;
  onAddChild(unit: DirectoryUnit): void;
  /** Look into the unit's ledger, read only. */
  onOpenLedger?(unit: DirectoryUnit): void;
}

export function UnitTree({ units, selectedCode, onEdit, onAddChild, onOpenLedger }: Props) {
  return (
    <table className="simple-grid unit-tree" aria-label={t('directory.tree')}>
      <thead>
        <tr>
          <th>{t('directory.col.name')}</th>
          <th>{t('directory.col.code')}</th>
          <th>{t('directory.col.kind')}</th>
          <th>{t('directory.col.dueDay')}</th>
          <th>{t('directory.col.state')}</th>
          <th>{t('directory.col.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {units.length === 0 && (
          <tr>
            <td colSpan={6} className="muted">
              {t('directory.filter.none')}
            </td>
          </tr>
        )}
        {units.map(({ unit: u, contextOnly }) => (
          <tr
            key={u.id}
            className={[u.active ? '' : 'inactive', u.code === selectedCode ? 'selected' : '', contextOnly ? 'context-only' : ''].join(' ')}
            data-unit={u.code}
            aria-level={u.depth + 1}
          >
            <th scope="row" style={{ paddingLeft: 8 + u.depth * 20 }}>
              {u.depth > 0 && <span aria-hidden="true">└ </span>}
              {u.name}
              {u.isSelf && <span className="badge">{t('directory.self')}</span>}
            </th>
            <td>{u.code}</td>
            <td>{u.kind}</td>
            <td>{u.dueDay === null ? t('directory.dueDay.default', { day: u.effectiveDueDay }) : t('directory.dueDay.own', { day: u.dueDay })}</td>
            <td>{u.active ? t('directory.state.active') : t('directory.state.inactive')}</td>
            <td className="actions">
              <button type="button" onClick={() => onEdit(u)} aria-label={t('directory.editNamed', { name: u.name })}>
                {t('directory.edit')}
              </button>
              {onOpenLedger && (
                <button type="button" onClick={() => onOpenLedger(u)} aria-label={t('unitLedger.openNamed', { name: u.name })}>
                  {t('unitLedger.open')}
                </button>
              )}
              {u.active && (
                <button type="button" onClick={() => onAddChild(u)} aria-label={t('directory.addChildNamed', { name: u.name })}>
                  {t('directory.addChild')}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
