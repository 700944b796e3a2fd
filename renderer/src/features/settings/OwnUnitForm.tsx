/** 设置 → 本单位: corrects this data file's own unit name and code (settings.ownUnit). */
import { useRef, useState, type FormEvent } from 'react';
import { apiInputs } from '../../../../shared/api/contract';
import { api } from '../../api/client';
import { useAppStatus } from '../../app/AppStatusContext';
import { checkForm, focusField } from '../../components/formCheck';
import { t } from '../../i18n/catalog';

export function OwnUnitForm() {
  const { status, refresh } = useAppStatus();
  const [unitName, setUnitName] = useState(status.unit?.name ?? '');
  const [unitCode, setUnitCode] = useState(status.unit?.code ?? '');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const input = checkForm(apiInputs['settings.ownUnit'], { unitName, unitCode });
    if (!input.ok) {
      setMessage({ ok: false, text: input.message });
      return focusField(form.current, input.where);
    }
    setBusy(true);
    const r = await api.call('settings.ownUnit', input.data);
    setBusy(false);
    if (!r.ok) {
      setMessage({ ok: false, text: r.error.message });
      return focusField(form.current, r.error.where ?? '');
    }
    setMessage({ ok: true, text: t('settings.ownUnit.saved', { name: r.data.name, code: r.data.code }) });
    await refresh();
  }

  return (
    <form ref={form} className="card form-grid own-unit" noValidate onSubmit={(e) => void submit(e)} aria-label={t('settings.ownUnit')}>
      <label>
        {t('setup.unitName')}
        <input name="unitName" value={unitName} onChange={(e) => setUnitName(e.target.value)} aria-required="true" />
      </label>
      <label>
        {t('setup.unitCode')}
        <input name="unitCode" value={unitCode} onChange={(e) => setUnitCode(e.target.value)} aria-required="true" />
      </label>
      <button type="submit" className="primary" disabled={busy}>
        {t('settings.ownUnit.save')}
      </button>
      <p className="muted own-unit-hint">{t('settings.ownUnit.hint')}</p>
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? undefined : 'error'}>
          {message.text}
        </p>
      )}
    </form>
  );
}
