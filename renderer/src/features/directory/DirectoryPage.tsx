/** 单位名录: the office's units as a tree, a form to add or edit one, and list import. */
import { useEffect, useState } from 'react';
import { useApiQuery } from '../../api/useApiQuery';
import { t } from '../../i18n/catalog';
import { filterUnits, kindsOf, NO_FILTER, type UnitFilter } from './unitFilter';
import { UnitForm, type FormTarget } from './UnitForm';
import { UnitImport } from './UnitImport';
import { UnitKeys } from './UnitKeys';
import { UnitTree } from './UnitTree';
import { useAppStatus } from '../../app/AppStatusContext';
import { useSelectedTemplate, useSelectedYear } from '../../app/contextSelection';
import { UnitLedgerDialog, type UnitLedgerTarget } from '../unit-ledger/UnitLedgerDialog';
import './directory.css';

export function DirectoryPage() {
  const tree = useApiQuery('units.tree', { includeInactive: true });
  const units = tree.data ?? [];
  const [filter, setFilter] = useState<UnitFilter>(NO_FILTER);
  const [target, setTarget] = useState<FormTarget>({ mode: 'new', parentCode: null });
  const [formKey, setFormKey] = useState(0);
  const [notice, setNotice] = useState<{ text: string; error: boolean } | null>(null);
  const { status } = useAppStatus();
  const [templateId] = useSelectedTemplate(status.settings.defaultTemplateId);
  const [year] = useSelectedYear(new Date().getFullYear());
  const [looking, setLooking] = useState<UnitLedgerTarget | null>(null);

  const open = (next: FormTarget) => {
    setTarget(next);
    setFormKey((k) => k + 1);
  };

  // New units go under the office's own unit unless the user picks another parent.
  const selfCode = units.find((u) => u.isSelf)?.code ?? null;
  useEffect(() => open({ mode: 'new', parentCode: selfCode }), [selfCode]);

  async function done(text: string, focusCode?: string) {
    setNotice({ text, error: false });
    const list = (await tree.reload()) ?? units;
    const unit = focusCode ? list.find((u) => u.code === focusCode) : undefined;
    const self = list.find((u) => u.isSelf);
    // After adding a unit, the form is ready for the next one under the same parent.
    if (target.mode === 'new') open({ mode: 'new', parentCode: target.parentCode });
    else open(unit ? { mode: 'edit', unit } : { mode: 'new', parentCode: self?.code ?? null });
  }

  const visible = filterUnits(units, filter);
  const set = (over: Partial<UnitFilter>) => setFilter((f) => ({ ...f, ...over }));
  const found = visible.filter((v) => !v.contextOnly).length;
  return (
    <section className="directory-page">
      <div className="toolbar">
        <h1>{t('directory.title')}</h1>
      </div>
      <div className="toolbar directory-filter" role="search">
        <input type="search" value={filter.query} onChange={(e) => set({ query: e.target.value })} placeholder={t('directory.filter.query')} aria-label={t('directory.filter.query')} />
        <label className="inline">
          {t('directory.col.kind')}
          <select value={filter.kind} onChange={(e) => set({ kind: e.target.value })}>
            <option value="">{t('directory.filter.allKinds')}</option>
            {kindsOf(units).map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>
        <label className="inline">
          {t('directory.filter.parent')}
          <select value={filter.parentCode} onChange={(e) => set({ parentCode: e.target.value })}>
            <option value="">{t('directory.filter.allParents')}</option>
            {units
              .filter((u) => u.childCount > 0)
              .map((u) => (
                <option key={u.code} value={u.code}>
                  {u.name}
                </option>
              ))}
          </select>
        </label>
        <label className="inline">
          <input type="checkbox" checked={filter.showInactive} onChange={(e) => set({ showInactive: e.target.checked })} />
          {t('directory.showInactive')}
        </label>
        <span className="muted" aria-live="polite" data-testid="directory-found">
          {t('directory.filter.found', { found, total: units.length })}
        </span>
      </div>
      {notice && (
        <p role={notice.error ? 'alert' : 'status'} className={notice.error ? 'error' : 'notice'}>
          {notice.text}
        </p>
      )}
      <div className="directory-layout">
        <UnitTree
          units={visible}
          selectedCode={target.mode === 'edit' ? target.unit.code : null}
          onEdit={(unit) => open({ mode: 'edit', unit })}
          onOpenLedger={(unit) => setLooking({ unitCode: unit.code, unitName: unit.name, templateId, year })}
          onAddChild={(unit) => open({ mode: 'new', parentCode: unit.code })}
        />
        <div className="directory-side">
          <UnitForm
            key={formKey}
            target={target}
            units={units}
            onDone={(text, code) => void done(text, code)}
            onError={(text) => setNotice({ text, error: true })}
            onNew={() => open({ mode: 'new', parentCode: units.find((u) => u.isSelf)?.code ?? null })}
          />
        </div>
      </div>
      {/* Full width below the tree: the preview of a list of hundreds of units needs every column. */}
      <UnitImport
        onApplied={(text) => {
          setNotice({ text, error: false });
          void tree.reload();
        }}
      />
      <UnitKeys units={units} />
      {looking && <UnitLedgerDialog target={looking} onClose={() => setLooking(null)} />}
    </section>
  );
}
