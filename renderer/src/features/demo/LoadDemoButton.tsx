/** Loads the 2017 Suining demo figures (demo.load) and refreshes the app. */
import { useState } from 'react';
import { api } from '../../api/client';
import { useAppStatus } from '../../app/AppStatusContext';
import { t } from '../../i18n/catalog';

export function LoadDemoButton({ onLoaded }: { onLoaded?: () => void }) {
  const { refresh } = useAppStatus();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  async function load() {
    setBusy(true);
    const r = await api.call('demo.load', {});
    setBusy(false);
    if (!r.ok) return setNotice(r.error.message);
    setNotice(t('overview.demoLoaded', { unit: r.data.unitName, year: r.data.year }));
    await refresh();
    onLoaded?.();
  }

  return (
    <span>
      <button type="button" className="primary" onClick={() => void load()} disabled={busy}>
        {t('overview.loadDemo')}
      </button>
      {notice && (
        <span role="status" className="muted" style={{ marginLeft: 8 }}>
          {notice}
        </span>
      )}
    </span>
  );
}
