import { useCallback, useEffect, useState } from 'react';
import type { AppStatus } from '../../../shared/api/methods/app';
import { api } from '../api/client';
import { isTokenRejected } from '../api/transport';
import { SetupPage } from '../features/setup/SetupPage';
import { t } from '../i18n/catalog';
import { AppStatusContext } from './AppStatusContext';
import { PAGES } from './pages';
import { WrongAddressPage } from './WrongAddressPage';

export function App() {
  const [status, setStatus] = useState<AppStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [wrongAddress, setWrongAddress] = useState(false);
  const [pageId, setPageId] = useState<string>(() => window.location.hash.replace(/^#\/?/, '').split(/[?&#]/)[0] || PAGES[0].id);

  const refresh = useCallback(async () => {
    const r = await api.call('app.status', {});
    if (r.ok) {
      setStatus(r.data);
      setError(null);
    } else if (isTokenRejected(r)) setWrongAddress(true);
    else setError(r.error.message);
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(() => {
    const onHash = () => {
      const id = window.location.hash.replace(/^#\/?/, '').split(/[?&#]/)[0];
      if (PAGES.some((p) => p.id === id)) setPageId(id);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  if (wrongAddress) return <WrongAddressPage />;
  if (error) {
    return (
      <div className="app-error" role="alert">
        <h1>{t('app.error.title')}</h1>
        <p>{error}</p>
        <button onClick={() => void refresh()}>{t('app.retry')}</button>
      </div>
    );
  }
  if (!status) return <div className="app-loading">{t('app.loading')}</div>;
  if (!status.setupDone) {
    return (
      <AppStatusContext.Provider value={{ status, refresh }}>
        <SetupPage />
      </AppStatusContext.Provider>
    );
  }

  const pages = PAGES.filter((p) => !p.roles || (status.role !== null && p.roles.includes(status.role)));
  const page = pages.find((p) => p.id === pageId) ?? pages[0];
  const Page = page.component;
  return (
    <AppStatusContext.Provider value={{ status, refresh }}>
      <div className="app-shell">
        <header className="app-header">
          <span className="app-title">{t('app.title')}</span>
          <nav className="app-nav" aria-label={t('app.nav.label')}>
            {pages.map((p) => (
              <a
                key={p.id}
                href={`#/${p.id}`}
                className={p.id === page.id ? 'active' : ''}
                aria-current={p.id === page.id ? 'page' : undefined}
                onClick={() => setPageId(p.id)}
              >
                {t(p.label)}
              </a>
            ))}
          </nav>
          <span className="app-unit" data-testid="current-unit">
            {status.unit?.name}（{status.unit?.code}）
          </span>
        </header>
        <main className="app-main">
          <Page />
        </main>
      </div>
    </AppStatusContext.Provider>
  );
}
