/** Unit list import: pick an .xlsx, see every row's outcome, then apply it in one go. */
import { FilePicker } from '../../components/FilePicker';
import { useState } from 'react';
import type { UnitImportPreview } from '../../../../shared/api/methods/units';
import { api } from '../../api/client';
import { t, type MessageKey } from '../../i18n/catalog';
import { bytesToBase64 } from '../../platform/files';

interface Props {
  onApplied(message: string): void;
}

export function UnitImport({ onApplied }: Props) {
  const [file, setFile] = useState<{ fileName: string; base64: string } | null>(null);
  const [preview, setPreview] = useState<UnitImportPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'reading' | 'applying' | null>(null);
  const [skipRejected, setSkipRejected] = useState(false);

  async function pick(f: File | undefined) {
    setPreview(null);
    setError(null);
    setFile(null);
    if (!f) return;
    setBusy('reading');
    let picked: { fileName: string; base64: string };
    try {
      picked = { fileName: f.name, base64: await bytesToBase64(new Uint8Array(await f.arrayBuffer())) };
    } catch (e) {
      setBusy(null);
      return setError(t('common.fileReadFailed', { name: f.name, message: e instanceof Error ? e.message : String(e) }));
    }
    const r = await api.call('units.importPreview', picked);
    setBusy(null);
    if (!r.ok) return setError(r.error.message);
    setFile(picked);
    setPreview(r.data);
    setSkipRejected(false);
  }

  async function apply() {
    if (!file) return;
    setBusy('applying');
    const r = await api.call('units.importApply', { ...file, skipRejected });
    setBusy(null);
    if (!r.ok) return setError(r.error.message);
    setPreview(null);
    setFile(null);
    onApplied(t('directory.import.done', { ...r.data }));
  }

  const c = preview?.counts;
  const blocked = !!c && c.rejected > 0 && !skipRejected;
  const nothing = !!c && c.new + c.changed === 0;
  return (
    <section className="card unit-import" aria-labelledby="unit-import-title">
      <h2 id="unit-import-title">{t('directory.import.title')}</h2>
      <p className="muted">{t('directory.import.hint')}</p>
      <FilePicker label={t('directory.import.pick')} accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" disabled={busy !== null} onPick={(f) => void pick(f)} />
      {busy && <p role="status">{t(busy === 'reading' ? 'directory.import.reading' : 'directory.import.applying')}</p>}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {preview && c && (
        <>
          <p role="status">
            {t('directory.import.summary', { file: preview.fileName, sheet: preview.sheetName, new: c.new, changed: c.changed, unchanged: c.unchanged, rejected: c.rejected })}
          </p>
          <table className="simple-grid import-preview" aria-label={t('directory.import.title')}>
            <thead>
              <tr>
                <th>{t('directory.import.row')}</th>
                <th>{t('directory.col.code')}</th>
                <th>{t('directory.col.name')}</th>
                <th>{t('directory.form.parent')}</th>
                <th>{t('directory.col.kind')}</th>
                <th>{t('directory.import.status')}</th>
                <th>{t('directory.import.detail')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((r) => (
                <tr key={r.row} className={`import-${r.status}`}>
                  <td>{r.row}</td>
                  <td>{r.code}</td>
                  <td>{r.name}</td>
                  <td>{r.parentCode}</td>
                  <td>{r.kind}</td>
                  <td>{t(`directory.import.status.${r.status}` as MessageKey)}</td>
                  <td>{r.status === 'rejected' ? r.reasons.join('；') : r.changes.join('；')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {c.rejected > 0 && (
            <label className="inline">
              <input type="checkbox" checked={skipRejected} onChange={(e) => setSkipRejected(e.target.checked)} />
              {t('directory.import.skipRejected')}
            </label>
          )}
          <div className="form-actions">
            <button type="button" className="primary" onClick={() => void apply()} disabled={busy !== null || blocked || nothing}>
              {t('directory.import.apply')}
            </button>
            {blocked && <span className="muted">{t('directory.import.blocked')}</span>}
            {nothing && !blocked && <span className="muted">{t('directory.import.nothing')}</span>}
          </div>
        </>
      )}
    </section>
  );
}
