/**
 * 单位名录 → 签名密钥: the office enters a unit's public key ahead of its first
 * import (read out or sent by the unit from its 设置), or clears it after a
 * reinstall so that the next file's key is confirmed as new; always with a
 * reason, which the key log keeps (keys.set, keys.log).
 */
import { useState } from 'react';
import type { DirectoryUnit } from '../../../../shared/api/methods/units';
import { api } from '../../api/client';
import { useApiQuery } from '../../api/useApiQuery';
import { t, type MessageKey } from '../../i18n/catalog';

export function UnitKeys({ units }: { units: readonly DirectoryUnit[] }) {
  const keys = useApiQuery('keys.list', {});
  const log = useApiQuery('keys.log', { limit: 50 });
  const candidates = units.filter((u) => !u.isSelf);
  const [unitCode, setUnitCode] = useState('');
  const [publicKey, setPublicKey] = useState('');
  const [reason, setReason] = useState('');
  const [notice, setNotice] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const chosen = candidates.find((u) => u.code === unitCode);
  const current = keys.data?.units.find((k) => k.unitCode === unitCode);

  async function submit(clear: boolean) {
    if (!chosen) return;
    setBusy(true);
    const r = await api.call('keys.set', { unitCode: chosen.code, publicKey: clear ? null : publicKey, reason });
    setBusy(false);
    if (!r.ok) return setNotice({ text: r.error.message, error: true });
    setNotice({
      text: r.data.keyCode ? t('directory.keys.registered', { unit: chosen.name, code: r.data.keyCode }) : t('directory.keys.cleared', { unit: chosen.name }),
      error: false,
    });
    setPublicKey('');
    setReason('');
    void keys.reload();
    void log.reload();
  }

  return (
    <section className="card unit-keys" aria-label={t('directory.keys.title')}>
      <h2>{t('directory.keys.title')}</h2>
      <p className="muted">{t('directory.keys.hint')}</p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit(false);
        }}
      >
        <label>
          {t('directory.keys.unit')}
          <select value={unitCode} onChange={(e) => setUnitCode(e.target.value)}>
            <option value="" />
            {candidates.map((u) => (
              <option key={u.code} value={u.code}>
                {u.name}（{u.code}）
              </option>
            ))}
          </select>
        </label>
        {chosen && (
          <p className="muted" data-testid="unit-key-current">
            {current ? t('directory.keys.current', { code: current.keyCode, at: current.registeredAt }) : t('directory.keys.noKey')}
          </p>
        )}
        <label>
          {t('directory.keys.publicKey')}
          <input value={publicKey} onChange={(e) => setPublicKey(e.target.value)} spellCheck={false} autoComplete="off" />
        </label>
        <label>
          {t('directory.keys.reason')}
          <input value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
        <button type="submit" className="primary" disabled={!chosen || busy}>
          {t('directory.keys.register')}
        </button>{' '}
        <button type="button" disabled={!chosen || !current || busy} onClick={() => void submit(true)}>
          {t('directory.keys.clear')}
        </button>
      </form>
      {notice && (
        <p role={notice.error ? 'alert' : 'status'} className={notice.error ? 'error' : 'notice'}>
          {notice.text}
        </p>
      )}
      <h3>{t('directory.keys.log')}</h3>
      {log.data && log.data.entries.length > 0 ? (
        <table className="data" data-testid="key-log">
          <thead>
            <tr>
              <th>{t('directory.keys.col.at')}</th>
              <th>{t('directory.keys.col.unit')}</th>
              <th>{t('directory.keys.col.action')}</th>
              <th>{t('directory.keys.col.key')}</th>
              <th>{t('directory.keys.col.reason')}</th>
              <th>{t('directory.keys.col.operator')}</th>
            </tr>
          </thead>
          <tbody>
            {log.data.entries.map((e) => (
              <tr key={e.id}>
                <td>{e.at}</td>
                <td>{e.unitName ?? '—'}</td>
                <td>{t(`directory.keys.action.${e.action}` as MessageKey)}</td>
                <td>{e.previousKeyCode ? `${e.previousKeyCode} → ${e.keyCode ?? '—'}` : (e.keyCode ?? '—')}</td>
                <td>{e.reason}</td>
                <td>{e.operator}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">{t('directory.keys.none')}</p>
      )}
    </section>
  );
}
