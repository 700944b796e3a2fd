/**
 * 统计图表: the breakdown (donut and sorted bars), the monthly trend and year
 * over year for any period and unit; for an office also the whole level and
 * the ranking of the units below it.
 */
import { useEffect, useState } from 'react';
import type { Output } from '../../../../shared/api/contract';
import type { Unit } from '../../../../shared/domain';
import { breakdownSubtitle } from '../../../../shared/charts/breakdownSvg';
import { formatPeriodLabel, type Period } from '../../../../shared/values/period';
import { api } from '../../api/client';
import { PrintButton } from '../../components/PrintButton';
import { useAppStatus } from '../../app/AppStatusContext';
import { useSelectedPeriod, useSelectedTemplate, useSelectedUnit } from '../../app/contextSelection';
import { t } from '../../i18n/catalog';
import { DonutChart, SortedBarChart } from './BreakdownCharts';
import { fileStem, scopeLabel } from './labels';
import { PeriodPicker } from '../../components/PeriodPicker';
import { RankingChart } from './RankingChart';
import { TrendChart, YoyChart } from './TrendCharts';
import { useInitialYear } from './useYears';

interface Data {
  breakdown: Output<'charts.breakdown'>;
  declared: Output<'charts.breakdowns'>;
  trend: Output<'charts.trend'>;
  yoy: Output<'charts.yoy'>;
  ranking: Output<'charts.ranking'> | null;
}

export function ChartsPage() {
  const { status } = useAppStatus();
  const [templateId] = useSelectedTemplate(status.settings.defaultTemplateId);
  const office = status.role === 'aggregator';
  const initial = useInitialYear(templateId);
  const [period, setPeriod] = useSelectedPeriod(initial.year === null ? null : { year: initial.year, fromMonth: 1, toMonth: 12 });
  const [units, setUnits] = useState<Unit[]>([]);
  const [unitCode, setUnitCode] = useSelectedUnit(status.unit?.code ?? '');
  const [level, setLevel] = useState(true);
  const [by, setBy] = useState('');
  const [data, setData] = useState<Data | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void api.request('units.list', {}).then(setUnits);
  }, []);

  useEffect(() => {
    if (!period) return;
    let live = true;
    const target = { templateId, scope: { unitCode: unitCode || undefined, subtree: level } };
    void Promise.all([
      api.request('charts.breakdown', { ...target, period }),
      api.request('charts.breakdowns', { ...target, period }),
      api.request('charts.trend', { ...target, year: period.year }),
      api.request('charts.yoy', { ...target, year: period.year }),
      office ? api.request('charts.ranking', { templateId, period, unitCode: unitCode || undefined, by: by || undefined }) : Promise.resolve(null),
    ])
      .then(([breakdown, declared, trend, yoy, ranking]) => {
        if (!live) return;
        setData({ breakdown, declared, trend, yoy, ranking });
        setError(null);
      })
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [templateId, period, unitCode, level, by, office]);

  if (!period) return <p>{t('app.loading')}</p>;
  return (
    <section className="charts-page">
      <div className="toolbar">
        <h1>{t('charts.title')}</h1>
        <PeriodPicker period={period} onChange={setPeriod} />
        {units.length > 1 && (
          <label>
            {t('charts.unit')}
            <select aria-label={t('charts.unit')} value={unitCode} onChange={(e) => setUnitCode(e.target.value)}>
              {units.map((u) => (
                <option key={u.code} value={u.code}>
                  {u.name}（{u.code}）
                </option>
              ))}
            </select>
          </label>
        )}
        <label title={t('charts.levelHint')}>
          <input type="checkbox" checked={level} onChange={(e) => setLevel(e.target.checked)} />
          {t('charts.level')}
        </label>
        <PrintButton target=".charts-page" orientation="landscape" title={t('print.title.charts', { scope: data ? scopeLabel(period, data.breakdown.scope) : formatPeriodLabel(period) })} disabled={!data} />
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {data && <ChartCards data={data} period={period} templateId={templateId} by={by} onBy={setBy} />}
    </section>
  );
}

/**
 * The cards in page order. A template without categories but with breakdowns
 * of its own (the national tables: 申请办理结果, 复议/诉讼结果) shows those and
 * not a row of empty category cards.
 */
function ChartCards({ data, period, templateId, by, onBy }: { data: Data; period: Period; templateId: string; by: string; onBy(by: string): void }) {
  const yearPeriod = { year: period.year, fromMonth: 1, toMonth: 12 };
  const categoryCharts = data.breakdown.items.length > 0 || data.declared.breakdowns.length === 0;
  return (
    <>
      {categoryCharts && (
        <>
          <DonutChart
            breakdown={data.breakdown}
            caption={data.breakdown.caption}
            pictureSubtitle={breakdownSubtitle(data.breakdown.scope, period)}
            source={{ templateId, period, scope: { unitCode: data.breakdown.scope.unitCode, subtree: data.breakdown.scope.subtree } }}
            subtitle={scopeLabel(period, data.breakdown.scope)}
            fileStem={fileStem(period, data.breakdown.scope)}
            emptyWhat={formatPeriodLabel(period)}
          />
          <SortedBarChart breakdown={data.breakdown} subtitle={scopeLabel(period, data.breakdown.scope)} fileStem={fileStem(period, data.breakdown.scope)} emptyWhat={formatPeriodLabel(period)} />
        </>
      )}
      {data.declared.breakdowns.map((d) => (
        <DonutChart
          key={d.code}
          id={`breakdown-${d.code}`}
          breakdown={d.breakdown}
          caption={d.caption}
          pictureSubtitle={breakdownSubtitle(data.declared.scope, period)}
          source={{ templateId, period, scope: { unitCode: data.declared.scope.unitCode, subtree: data.declared.scope.subtree }, breakdown: d.code }}
          subtitle={scopeLabel(period, data.declared.scope)}
          fileStem={fileStem(period, data.declared.scope)}
          emptyWhat={formatPeriodLabel(period)}
        />
      ))}
      {categoryCharts && (
        <>
          <TrendChart
            trend={data.trend}
            categories={data.trend.categories}
            subtitle={scopeLabel(yearPeriod, data.trend.scope)}
            fileStem={fileStem(yearPeriod, data.trend.scope)}
            emptyWhat={formatPeriodLabel(yearPeriod)}
          />
          <YoyChart
            months={data.yoy.months}
            year={period.year}
            subtitle={scopeLabel(yearPeriod, data.yoy.scope)}
            fileStem={fileStem(yearPeriod, data.yoy.scope)}
            emptyWhat={t('charts.twoYears', { year: period.year, prev: period.year - 1 })}
          />
          {data.ranking && (
            <>
              <div className="toolbar">
                <label>
                  {t('charts.ranking.by')}
                  <select aria-label={t('charts.ranking.by')} value={by} onChange={(e) => onBy(e.target.value)}>
                    <option value="">{t('charts.ranking.byTotal')}</option>
                    {data.trend.categories.map((c) => (
                      <option key={c.code} value={c.code}>
                        {c.name}
                      </option>
                    ))}
                  </select>
                </label>
              </div>
              <RankingChart
                rows={data.ranking.rows}
                byName={data.ranking.by.name}
                parentName={data.ranking.parent.unitName}
                subtitle={scopeLabel(period, data.ranking.parent)}
                fileStem={fileStem(period, data.ranking.parent)}
                emptyWhat={formatPeriodLabel(period)}
              />
            </>
          )}
        </>
      )}
    </>
  );
}
