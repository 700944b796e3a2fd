/**
 * Loads the 2017 Suining demo figures (demo.load) and refreshes the app. In a
 * data file that already has its own unit it asks first and says which backup
 * was taken, since the demo then sits beside real figures.
 */
import { useState } from 'react';
import { api } from '../../api/client';
import { useAppStatus } from '../../app/AppStatusContext';
import { ConfirmPanel } from '../../components/ConfirmPanel';
import { t } from '../../i18n/catalog';

/** onLoaded gets what was said, for a parent that replaces this button once the demo is in. */
export function LoadDemoButton({ onLoaded }: { onLoaded?: (notice: string) => void }) {
  const { status, refresh } = useAppStatus();
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  async function load() {
    setAsking(false);
    setBusy(true);
    const r = await api.call('demo.load', {});
    setBusy(false);
    if (!r.ok) return setNotice(r.error.message);
    const loaded = t('overview.demoLoaded', { unit: r.data.unitName, year: r.data.year });
    const said = r.data.backup ? `${loaded}${t('demo.loadedBackup', { backup: r.data.backup })}` : loaded;
    // A parent that takes what was said shows it itself (the button goes once the demo is in).
    if (!onLoaded) setNotice(said);
    await refresh();
    onLoaded?.(said);
  }

  return (
    <span className="load-demo">
      <button type="button" className="primary" onClick={() => (status.setupDone ? setAsking(true) : void load())} disabled={busy || asking}>
        {t('overview.loadDemo')}
      </button>
      {asking && (
        <ConfirmPanel confirmLabel={t('demo.confirmLoad')} cancelLabel={t('common.cancel')} onConfirm={() => void load()} onCancel={() => setAsking(false)}>
          <p>{t('demo.askLoad', { unit: status.unit?.name ?? '' })}</p>
        </ConfirmPanel>
      )}
      {notice && (
        <span role="status" className="muted" style={{ marginLeft: 8 }}>
          {notice}
        </span>
      )}
    </span>
  );
}
