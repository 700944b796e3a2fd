/** The rules the figures break right now; clicking one goes to its cells. */
import { t } from '../../../i18n/catalog';
import type { PeriodViolation } from '../shared/grid/liveRules';

interface Props {
  violations: PeriodViolation[];
  onGo(v: PeriodViolation): void;
}

export function RulesPanel({ violations, onGo }: Props) {
  return (
    <section className="side-card" aria-label={t('ledger.rules.title')}>
      <h2>{t('ledger.rules.title')}</h2>
      {violations.length === 0 ? (
        <p className="muted" data-testid="rules-ok">
          {t('ledger.rules.none')}
        </p>
      ) : (
        <ul className="rule-list">
          {violations.map((v) => (
            <li key={`${v.checkId}|${v.period}`}>
              <button type="button" className={`rule-item ${v.severity}`} data-testid="rule-violation" data-severity={v.severity} onClick={() => onGo(v)}>
                <span className="rule-period">{v.period === 'year' ? t('ledger.rules.year') : t('common.monthN', { n: v.period })}</span>
                {v.message}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
