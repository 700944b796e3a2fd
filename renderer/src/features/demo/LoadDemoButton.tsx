/**
 * Loads a demo (demo.load): the 2017 Suining figures, or the current ledger's
 * city with its departments, counties and townships (2023–2025), and refreshes the app. In a
 * data file that already has its own unit it asks first and says which backup
 * was taken, since the demo then sits beside real figures.
 */
import { useState } from 'react';
import { api } from '../../api/client';
import { useAppStatus } from '../../app/AppStatusContext';
import { ConfirmPanel } from '../../components/ConfirmPanel';
import { t } from '../../i18n/catalog';

/** onLoaded gets what was said, for a parent that replaces this button once the demo is in. */
export function LoadDemoButton({ onLoaded, set = 'suining-2017' }: { onLoaded?: (notice: string) => void; set?: 'suining-2017' | 'city' }) {
  const { status, refresh } = useAppStatus();
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  async function load() {
    setAsking(false);
    setBusy(true);
    const r = await api.call('demo.load', { set });
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
        {set === 'city' ? t('overview.loadCityDemo') : t('overview.loadDemo')}
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
