/** The 勾稽 checks the merged figures fail, each naming the units whose own figures fail it. */
import type { LevelViolation } from '../../../../shared/api/methods/office';
import { t } from '../../i18n/catalog';

export function LevelChecks({ violations, onOpenUnit }: { violations: LevelViolation[]; onOpenUnit?(unit: { code: string; name: string }): void }) {
  if (violations.length === 0) {
    return (
      <p className="level-checks ok" data-testid="level-checks">
        {t('office.checks.pass')}
      </p>
    );
  }
  return (
    <section className="level-checks" aria-label={t('office.checks.title')} data-testid="level-checks">
      <h3>{t('office.checks.failed', { n: violations.length })}</h3>
      <ul>
        {violations.map((v) => (
          <li key={v.checkId} className={v.severity} data-check={v.checkId}>
            <strong>{t(v.severity === 'error' ? 'office.checks.error' : 'office.checks.warning')}</strong> {v.message}
            {v.units.length === 0 ? (
              <p className="muted">{t('office.checks.betweenUnits')}</p>
            ) : (
              <p>
                {t('office.checks.units', { n: v.units.length })}
                <span className="check-units">
                  {v.units.map((u) =>
                    onOpenUnit ? (
                      <button key={u.code} type="button" className="link-button" title={u.message} onClick={() => onOpenUnit(u)} aria-label={t('unitLedger.openNamed', { name: u.name })}>
                        {u.name}（{u.code}）
                      </button>
                    ) : (
                      <span key={u.code} title={u.message}>
                        {u.name}（{u.code}）
                      </span>
                    ),
                  )}
                </span>
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
