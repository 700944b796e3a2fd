/** Monthly trend (stacked categories with the total as a line) and year over year for the same months. */
import { Bar, BarChart, CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis } from 'recharts';
import type { CategoryDef, Trend, YoyMonth } from '../../../../shared/charts/shape';
import { trendTable, yoyTable } from '../../../../shared/charts/table';
import { t } from '../../i18n/catalog';
import { roundTicks } from '../../../../shared/charts/ticks';
import { countText, NO_FIGURE, percentOf, tickText } from '../../../../shared/values/numberFormat';
import { ChartFrame } from './ChartFrame';
import { chartWidth, LEGEND_BESIDE } from './chartWidth';
import { PREVIOUS_YEAR, seriesFill, SINGLE_SERIES, Swatch, TOTAL_LINE } from './palette';

const seriesKey = (n: number) => `s${n}`;

interface TipRow {
  name: string;
  value: number | null;
  color: string;
}

function TipBox({ title, rows }: { title: string; rows: TipRow[] }) {
  return (
    <div className="chart-tooltip">
      <p>
        <strong>{title}</strong>
      </p>
      {rows.map((r) => (
        <p key={r.name}>
          <span className="swatch" style={{ background: r.color }} /> {r.name}：{r.value === null ? NO_FIGURE : t('charts.tooltip.count', { count: countText(r.value) })}
        </p>
      ))}
    </div>
  );
}

export function TrendChart({ trend, categories, subtitle, fileStem, emptyWhat }: { trend: Trend; categories: CategoryDef[]; subtitle: string; fileStem: string; emptyWhat: string }) {
  const data = trend.months.map((m) => ({
    label: t('common.monthN', { n: m.month }),
    // Keys by position: recharts reads a dotted dataKey such as "pub.cat.work" as a path.
    ...Object.fromEntries(categories.map((c, n) => [seriesKey(n), m.hasData ? m.counts[c.code] : null])),
    total: m.hasData ? m.total : null,
  }));
  const legend = [...categories.map((c, n) => ({ color: seriesFill(n).color, label: c.name })), { color: TOTAL_LINE, label: t('charts.totalLine', { total: t('charts.total') }) }];
  const empty = categories.length === 0 ? t('charts.noCategories', { template: '' }) : trend.empty ? t('charts.empty', { what: emptyWhat }) : null;
  const axis = roundTicks(Math.max(0, ...trend.months.map((m) => m.total)));
  return (
    <ChartFrame id="trend" title={t('charts.trend.title')} subtitle={subtitle} table={trendTable(trend, categories)} emptyMessage={empty} fileName={t('charts.file.trend', { stem: fileStem })} legend={legend}>
      {(card) => (
        <div className="chart-row">
          <ComposedChart width={chartWidth(card, LEGEND_BESIDE)} height={360} data={data} margin={{ top: 16, right: 16, bottom: 8, left: 8 }}>
            <CartesianGrid vertical={false} stroke="#e5e7eb" />
            <XAxis dataKey="label" interval={0} fontSize={12} />
            <YAxis tickFormatter={tickText} width={64} fontSize={12} domain={[0, axis.top]} ticks={axis.ticks} interval={0} />
            {categories.map((c, n) => (
              <Bar key={c.code} dataKey={seriesKey(n)} name={c.name} stackId="categories" fill={seriesFill(n).fill} stroke="#ffffff" strokeWidth={0.5} isAnimationActive={false} />
            ))}
            <Line dataKey="total" name={t('charts.total')} stroke={TOTAL_LINE} strokeWidth={2} strokeDasharray="6 3" dot={{ r: 3, fill: TOTAL_LINE }} connectNulls={false} isAnimationActive={false} />
            <Tooltip
              content={({ active, label }) => {
                const row = active ? data.find((d) => d.label === label) : undefined;
                if (!row) return null;
                const r = row as Record<string, number | null | string>;
                return (
                  <TipBox
                    title={String(label)}
                    rows={[
                      { name: t('charts.total'), value: row.total, color: TOTAL_LINE },
                      ...categories.map((c, n) => ({ name: c.name, value: r[seriesKey(n)] as number | null, color: seriesFill(n).color })).reverse(),
                    ]}
                  />
                );
              }}
            />
          </ComposedChart>
          <ul className="chart-legend" aria-label={t('charts.legend')}>
            {legend.map((l, n) => (
              <li key={l.label} style={{ gridTemplateColumns: '18px 1fr' }}>
                {n < categories.length ? <Swatch index={n} /> : <span className="swatch" style={{ background: TOTAL_LINE }} />}
                <span>{l.label}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </ChartFrame>
  );
}

export function YoyChart({ months, year, subtitle, fileStem, emptyWhat }: { months: YoyMonth[]; year: number; subtitle: string; fileStem: string; emptyWhat: string }) {
  const cur = t('charts.current', { year });
  const prev = t('charts.previous', { year: year - 1 });
  const data = months.map((m) => ({ label: t('common.monthN', { n: m.month }), current: m.current, previous: m.previous, change: m.changePercent }));
  const legend = [
    { color: SINGLE_SERIES, label: cur },
    { color: PREVIOUS_YEAR, label: prev },
  ];
  const empty = months.every((m) => m.current === null && m.previous === null) ? t('charts.empty', { what: emptyWhat }) : null;
  const noPrevious = months.every((m) => m.previous === null);
  const axis = roundTicks(Math.max(0, ...months.flatMap((m) => [m.current ?? 0, m.previous ?? 0])));
  return (
    <ChartFrame id="yoy" title={t('charts.yoy.title', { year, prev: year - 1 })} subtitle={subtitle} table={yoyTable(months, year)} emptyMessage={empty} fileName={t('charts.file.yoy', { stem: fileStem })} legend={legend}>
      {(card) => (
        <>
        <div className="chart-row">
          <BarChart width={chartWidth(card, LEGEND_BESIDE)} height={320} data={data} margin={{ top: 16, right: 16, bottom: 8, left: 8 }}>
            <CartesianGrid vertical={false} stroke="#e5e7eb" />
            <XAxis dataKey="label" interval={0} fontSize={12} />
            <YAxis tickFormatter={tickText} width={64} fontSize={12} domain={[0, axis.top]} ticks={axis.ticks} interval={0} />
            <Bar dataKey="current" name={cur} fill="#1e3a8a" isAnimationActive={false} />
            <Bar dataKey="previous" name={prev} fill={PREVIOUS_YEAR} stroke="#374151" strokeWidth={1} isAnimationActive={false} />
            <Tooltip
              content={({ active, label }) => {
                const row = active ? data.find((d) => d.label === label) : undefined;
                if (!row) return null;
                return (
                  <div className="chart-tooltip">
                    <TipBox
                      title={String(label)}
                      rows={[
                        { name: cur, value: row.current, color: SINGLE_SERIES },
                        { name: prev, value: row.previous, color: PREVIOUS_YEAR },
                      ]}
                    />
                    {row.change !== null && <p>{t('charts.yoy.change', { change: percentOf(row.change, { signed: true }) })}</p>}
                  </div>
                );
              }}
            />
          </BarChart>
          <ul className="chart-legend" aria-label={t('charts.legend')}>
            {legend.map((l) => (
              <li key={l.label} style={{ gridTemplateColumns: '18px 1fr' }}>
                <span className="swatch" style={{ background: l.color }} />
                <span>{l.label}</span>
              </li>
            ))}
          </ul>
        </div>
        {noPrevious && <p className="muted">{t('charts.yoy.noPrevious', { prev: year - 1 })}</p>}
        </>
      )}
    </ChartFrame>
  );
}
