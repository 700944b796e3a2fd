/** 单位名录: the office's units as a tree, a form to add or edit one, and list import. */
import { useEffect, useState } from 'react';
import { useApiQuery } from '../../api/useApiQuery';
import { t } from '../../i18n/catalog';
import { UnitForm, type FormTarget } from './UnitForm';
import { UnitImport } from './UnitImport';
import { UnitTree } from './UnitTree';
import './directory.css';

export function DirectoryPage() {
  const tree = useApiQuery('units.tree', { includeInactive: true });
  const units = tree.data ?? [];
  const [showInactive, setShowInactive] = useState(true);
  const [target, setTarget] = useState<FormTarget>({ mode: 'new', parentCode: null });
  const [formKey, setFormKey] = useState(0);
  const [notice, setNotice] = useState<{ text: string; error: boolean } | null>(null);

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

  const visible = showInactive ? units : units.filter((u) => u.active);
  return (
    <section className="directory-page">
      <div className="toolbar">
        <h1>{t('directory.title')}</h1>
        <label className="inline">
          <input type="checkbox" checked={showInactive} onChange={(e) => setShowInactive(e.target.checked)} />
          {t('directory.showInactive')}
        </label>
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
          <UnitImport
            onApplied={(text) => {
              setNotice({ text, error: false });
              void tree.reload();
            }}
          />
        </div>
      </div>
    </section>
  );
}
