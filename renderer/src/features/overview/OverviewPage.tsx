/**
 * 首页: the year so far at a glance — totals, months entered, the year's
 * 勾稽 checks, the breakdown and the trend; for an office, its cards.
 */
import { breakdownSubtitle } from '../../../../shared/charts/breakdownSvg';
import { useEffect, useState } from 'react';
import type { Output } from '../../../../shared/api/contract';
import { countText, figureText, NO_FIGURE } from '../../../../shared/values/numberFormat';
import { yearPeriod } from '../../../../shared/values/period';
import { api } from '../../api/client';
import { useAppStatus } from '../../app/AppStatusContext';
import { useSelectedTemplate, useSelectedYear } from '../../app/contextSelection';
import { t } from '../../i18n/catalog';
import { DonutChart } from '../charts/BreakdownCharts';
import { fileStem, scopeLabel } from '../charts/labels';
import { TrendChart } from '../charts/TrendCharts';
import { useInitialYear } from '../charts/useYears';
import { YearInput } from '../../components/YearInput';
import { LoadDemoButton } from '../demo/LoadDemoButton';
import { OFFICE_CARDS } from './officeCards';
import '../charts/charts.css';


export function OverviewPage() {
  const { status } = useAppStatus();
  const [templateId] = useSelectedTemplate(status.settings.defaultTemplateId);
  const [version, setVersion] = useState(0);
  const initial = useInitialYear(templateId, version);
  const [year, setYear] = useSelectedYear(initial.year);
  const [overview, setOverview] = useState<Output<'charts.overview'> | null>(null);
  const [trend, setTrend] = useState<Output<'charts.trend'> | null>(null);

  useEffect(() => {
    if (year === null) return;
    let live = true;
    void Promise.all([api.request('charts.overview', { templateId, year }), api.request('charts.trend', { templateId, year, scope: { subtree: true } })]).then(([o, tr]) => {
      if (!live) return;
      setOverview(o);
      setTrend(tr);
    });
    return () => {
      live = false;
    };
  }, [templateId, year, version]);

  if (year === null || !overview || !trend) return <p>{t('app.loading')}</p>;
  const period = yearPeriod(year);
  const errors = overview.violations.filter((v) => v.severity === 'error');
  const warnings = overview.violations.filter((v) => v.severity === 'warning');
  const noData = overview.monthsWithData.length === 0;
  return (
    <section className="overview-page">
      <div className="toolbar">
        <h1>{t('overview.yearSoFar', { year })}</h1>
        <YearInput year={year} onChange={setYear} />
        <span className="muted">{scopeLabel(period, overview.scope)}</span>
        <a href="#/charts">{t('overview.openCharts')}</a>
      </div>
      {noData && (
        <div className="card demo-call">
          <p>{t('overview.noData', { year })}</p>
          {initial.years.length === 0 && (
            <>
              <LoadDemoButton onLoaded={() => setVersion((v) => v + 1)} />
              <LoadDemoButton set="city" onLoaded={() => setVersion((v) => v + 1)} />
            </>
          )}
        </div>
      )}
      <div className="overview-stats">
        <div className="stat" data-testid="stat-total">
          <div className="label">{t('overview.categoryTotal')}</div>
          <div className="value">{noData ? NO_FIGURE : countText(overview.headlineTotal)}</div>
        </div>
        <div className="stat" data-testid="stat-months">
          <div className="label">{t('overview.monthsWithData')}</div>
          <div className="value">{t('overview.monthsWithDataValue', { n: overview.monthsWithData.length })}</div>
        </div>
        {overview.completedMonths !== null && (
          <div className="stat">
            <div className="label">{t('overview.monthsCompleted')}</div>
            <div className="value">{t('overview.monthsCompletedValue', { n: overview.completedMonths.length })}</div>
          </div>
        )}
        {overview.headline
          .filter((h) => h.value !== null)
          .slice(1)
          .map((h) => (
            <div className="stat" key={h.ref}>
              <div className="label">{h.label}</div>
              <div className="value">
                {figureText(h.value, h)} <span className="muted">{h.measure}</span>
              </div>
            </div>
          ))}
      </div>
      <h2>{t('overview.rules')}</h2>
      <p data-testid="rules-summary">{overview.violations.length === 0 ? t('overview.rulesOk') : t('overview.rulesSummary', { errors: errors.length, warnings: warnings.length })}</p>
      {overview.violations.length > 0 && (
        <ul className="violations">
          {overview.violations.map((v) => (
            <li key={v.checkId} className={v.severity}>
              【{t(v.severity === 'error' ? 'overview.error' : 'overview.warning')}】{v.message}
            </li>
          ))}
        </ul>
      )}
      {status.role === 'aggregator' && OFFICE_CARDS.length > 0 && (
        <section aria-label={t('overview.officeCards')}>
          {OFFICE_CARDS.map((Card, i) => (
            <Card key={i} templateId={templateId} year={year} />
          ))}
        </section>
      )}
      <DonutChart
        breakdown={overview.breakdown}
        caption={overview.caption}
        pictureSubtitle={breakdownSubtitle(overview.scope, period)}
        source={{ templateId, period, scope: { unitCode: overview.scope.unitCode, subtree: overview.scope.subtree } }}
        subtitle={scopeLabel(period, overview.scope)}
        fileStem={fileStem(period, overview.scope)}
        emptyWhat={`${year}年`}
      />
      <TrendChart trend={trend} categories={trend.categories} subtitle={scopeLabel(period, trend.scope)} fileStem={fileStem(period, trend.scope)} emptyWhat={`${year}年`} />
    </section>
  );
}
