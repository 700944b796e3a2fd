import { useState } from 'react';
import { byteSize } from '../../../../shared/values/numberFormat';
import { api } from '../../api/client';
import { useApiQuery } from '../../api/useApiQuery';
import { useAppStatus } from '../../app/AppStatusContext';
import { t } from '../../i18n/catalog';
import { DemoSection } from '../demo/DemoSection';
import { OwnUnitForm } from './OwnUnitForm';
import { SigningKeySection } from './SigningKeySection';

export function SettingsPage() {
  const { status, refresh } = useAppStatus();
  const [operator, setOperator] = useState(status.settings.operator);
  const [contactPerson, setContactPerson] = useState(status.settings.contactPerson);
  const [contactPhone, setContactPhone] = useState(status.settings.contactPhone);
  const [notice, setNotice] = useState<string | null>(null);

  const backupList = useApiQuery('backups.list', {});
  const backups = backupList.data ?? [];
  const loadBackups = () => void backupList.reload();

  async function save() {
    const r = await api.call('settings.update', { operator, contactPerson, contactPhone });
    setNotice(r.ok ? t('settings.saved') : r.error.message);
    await refresh();
  }

  async function restore(name: string) {
    if (!window.confirm(t('settings.backups.confirmRestore', { name }))) return;
    const r = await api.call('backups.restore', { name });
    setNotice(r.ok ? t('settings.backups.restored', { name, safety: r.data.safetyBackup }) : r.error.message);
    loadBackups();
    await refresh();
  }

  return (
    <section className="settings-page">
      <h1>{t('settings.title')}</h1>
      {notice && <p role="status">{notice}</p>}
      <h2>{t('settings.ownUnit')}</h2>
      <OwnUnitForm />
      <h2>{t('settings.contact')}</h2>
      <div className="card form-grid">
        <label>
          {t('settings.operator')}
          <input value={operator} onChange={(e) => setOperator(e.target.value)} />
        </label>
        <label>
          {t('settings.contactPerson')}
          <input value={contactPerson} onChange={(e) => setContactPerson(e.target.value)} />
        </label>
        <label>
          {t('settings.contactPhone')}
          <input value={contactPhone} onChange={(e) => setContactPhone(e.target.value)} />
        </label>
        <button className="primary" onClick={() => void save()}>
          {t('common.save')}
        </button>
        <p className="muted">
          {t('settings.dataFile')}：{status.dataFile}
        </p>
      </div>
      <h2>{t('settings.key')}</h2>
      <SigningKeySection />
      <h2>{t('settings.backups')}</h2>
      <button onClick={() => void api.request('backups.create', {}).then(loadBackups)}>{t('settings.backups.create')}</button>
      {backups.length === 0 ? (
        <p className="muted">{t('settings.backups.none')}</p>
      ) : (
        <ul className="backup-list">
          {backups.map((b) => (
            <li key={b.name}>
              <span>{b.name}</span> <span className="muted">{byteSize(b.bytes, 'KB')}</span>{' '}
              <button onClick={() => void restore(b.name)}>{t('settings.backups.restore')}</button>
            </li>
          ))}
        </ul>
      )}
      <DemoSection onChanged={loadBackups} />
    </section>
  );
}
