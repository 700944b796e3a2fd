/** 设置 → 签名密钥: the code the office compares over the phone, and the whole public key to send ahead of time. */
import { useApiQuery } from '../../api/useApiQuery';
import { t } from '../../i18n/catalog';

export function SigningKeySection() {
  const own = useApiQuery('keys.own', {});
  if (!own.data) return null;
  return (
    <div className="card signing-key">
      <p>
        {t('settings.key.code')} <code className="key-code" data-testid="own-key-code">{own.data.keyCode}</code>
      </p>
      <p className="muted">{t('settings.key.hint')}</p>
      <label>
        {t('settings.key.public')}
        <input readOnly value={own.data.publicKey} onFocus={(e) => e.currentTarget.select()} />
      </label>
      <p className="muted">{t('settings.key.risk')}</p>
    </div>
  );
}
