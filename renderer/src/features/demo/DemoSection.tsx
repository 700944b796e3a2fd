/** 设置 → 演示数据: load it (asking first in a real data file) or remove it again with its figures and history. */
import { useState } from 'react';
import { api } from '../../api/client';
import { useApiQuery } from '../../api/useApiQuery';
import { useAppStatus } from '../../app/AppStatusContext';
import { ConfirmPanel } from '../../components/ConfirmPanel';
import { t } from '../../i18n/catalog';
import { LoadDemoButton } from './LoadDemoButton';

export function DemoSection({ onChanged }: { onChanged?: () => void }) {
  const { status, refresh } = useAppStatus();
  const demo = useApiQuery('demo.status', {});
  const units = demo.data?.units ?? [];
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const names = units.map((u) => `“${u.name}”（${u.code}）`).join('、');
  const isSelf = units.some((u) => u.code === status.unit?.code);

  async function remove() {
    setBusy(true);
    const r = await api.call('demo.remove', {});
    setBusy(false);
    setAsking(false);
    if (!r.ok) return setNotice({ ok: false, text: r.error.message });
    setNotice({ ok: true, text: t('demo.removed', { units: r.data.removedUnits.map((u) => u.name).join('、'), backup: r.data.backup }) });
    void demo.reload();
    onChanged?.();
    await refresh();
  }

  return (
    <section className="demo-section" aria-label={t('demo.title')}>
      <h2>{t('demo.title')}</h2>
      <p className="muted">{t('demo.hint')}</p>
      {units.length === 0 ? (
        (['suining-2017', 'city'] as const).map((set) => (
          <LoadDemoButton
            key={set}
            set={set}
            onLoaded={(said) => {
              setNotice({ ok: true, text: said });
              void demo.reload();
              onChanged?.();
            }}
          />
        ))
      ) : (
        <>
          <p>{t('demo.loaded.list', { units: names })}</p>
          <button type="button" onClick={() => setAsking(true)} disabled={asking || busy}>
            {t('demo.remove')}
          </button>
          {asking && (
            <ConfirmPanel confirmLabel={t('demo.confirmRemove')} cancelLabel={t('common.cancel')} onConfirm={() => void remove()} onCancel={() => setAsking(false)} busy={busy}>
              <p>{t('demo.askRemove', { units: names })}</p>
              {isSelf && <p>{t('demo.askRemoveSelf')}</p>}
            </ConfirmPanel>
          )}
        </>
      )}
      {notice && (
        <p role={notice.ok ? 'status' : 'alert'} className={notice.ok ? 'muted' : 'error'}>
          {notice.text}
        </p>
      )}
    </section>
  );
}
