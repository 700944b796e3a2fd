/** Browser mode opened without this start's token (a bookmark, a trimmed address): where to find the right one. */
import { t } from '../i18n/catalog';

export function WrongAddressPage() {
  return (
    <div className="app-error wrong-address" role="alert">
      <h1>{t('wrongAddress.title')}</h1>
      <p>{t('wrongAddress.why')}</p>
      <p>{t('wrongAddress.where')}</p>
      <p>{t('wrongAddress.restart')}</p>
    </div>
  );
}
