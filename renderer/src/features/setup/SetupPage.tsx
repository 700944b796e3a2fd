import { useRef, useState, type FormEvent } from 'react';
import { apiInputs } from '../../../../shared/api/contract';
import type { Role } from '../../../../shared/domain';
import { api } from '../../api/client';
import { useAppStatus } from '../../app/AppStatusContext';
import { checkForm, focusField } from '../../components/formCheck';
import { t } from '../../i18n/catalog';
import { LoadDemoButton } from '../demo/LoadDemoButton';

export function SetupPage() {
  const { refresh } = useAppStatus();
  const [unitName, setUnitName] = useState('');
  const [unitCode, setUnitCode] = useState('');
  const [role, setRole] = useState<Role>('filer');
  const [operator, setOperator] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const input = checkForm(apiInputs['setup.init'], { unitName, unitCode, role, unitKind: role === 'aggregator' ? '市' : '部门', operator });
    if (!input.ok) {
      setError(input.message);
      return focusField(form.current, input.where);
    }
    setBusy(true);
    const r = await api.call('setup.init', input.data);
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    await refresh();
  }

  return (
    <div className="setup-page">
      <form ref={form} className="card setup-form" noValidate onSubmit={(e) => void submit(e)}>
        <h1>{t('setup.title')}</h1>
        <p className="muted">{t('setup.intro')}</p>
        <label>
          {t('setup.unitName')}
          <input name="unitName" value={unitName} onChange={(e) => setUnitName(e.target.value)} aria-required="true" autoFocus />
        </label>
        <label>
          {t('setup.unitCode')}
          <input name="unitCode" value={unitCode} onChange={(e) => setUnitCode(e.target.value)} aria-required="true" />
          <small className="muted">{t('setup.unitCode.hint')}</small>
        </label>
        <fieldset>
          <legend>{t('setup.role')}</legend>
          <label className="inline">
            <input type="radio" name="role" checked={role === 'filer'} onChange={() => setRole('filer')} />
            {t('setup.role.filer')}
          </label>
          <label className="inline">
            <input type="radio" name="role" checked={role === 'aggregator'} onChange={() => setRole('aggregator')} />
            {t('setup.role.aggregator')}
          </label>
        </fieldset>
        <label>
          {t('setup.operator')}
          <input name="operator" value={operator} onChange={(e) => setOperator(e.target.value)} />
        </label>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {t('setup.submit')}
        </button>
        <p className="muted">{t('demo.setupHint')}</p>
        <LoadDemoButton />
        <LoadDemoButton set="city" />
      </form>
    </div>
  );
}
