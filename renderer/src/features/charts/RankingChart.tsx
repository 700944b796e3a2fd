/** The units below an office, ranked by the category total or by one category. */
import { Bar, BarChart, CartesianGrid, LabelList, Tooltip, XAxis, YAxis } from 'recharts';
import type { RankingRow } from '../../../../shared/charts/shape';
import { rankingTable } from '../../../../shared/charts/table';
import { t } from '../../i18n/catalog';
import { roundTicks } from '../../../../shared/charts/ticks';
import { countText, tickText } from '../../../../shared/values/numberFormat';
import { ChartFrame } from './ChartFrame';
import { chartWidth } from './chartWidth';
import { WrappedYTick } from './WrappedTick';

const MAX_CHARS = 10;

export function RankingChart({ rows, byName, parentName, subtitle, fileStem, emptyWhat }: { rows: RankingRow[]; byName: string; parentName: string; subtitle: string; fileStem: string; emptyWhat: string }) {
  const data = rows.map((r) => ({ name: `${r.rank}. ${r.unitName}`, count: r.count, hasData: r.hasData, label: r.hasData ? countText(r.count) : t('common.noData') }));
  const lines = Math.max(1, ...data.map((d) => Math.ceil([...d.name].length / MAX_CHARS)));
  const rowH = Math.max(30, lines * 15 + 12);
  const longest = Math.max(1, ...data.map((d) => Math.min([...d.name].length, MAX_CHARS)));
  const axis = roundTicks(Math.max(0, ...rows.map((r) => r.count)));
  const empty = rows.length === 0 ? t('charts.ranking.noChildren', { unit: parentName }) : rows.every((r) => !r.hasData) ? t('charts.empty', { what: emptyWhat }) : null;
  return (
    <ChartFrame id="ranking" title={t('charts.ranking.title', { by: byName })} subtitle={subtitle} table={rankingTable(rows, byName)} emptyMessage={empty} fileName={t('charts.file.ranking', { stem: fileStem })}>
      {(card) => (
        <BarChart width={chartWidth(card)} height={data.length * rowH + 40} data={data} layout="vertical" margin={{ top: 8, right: 100, bottom: 8, left: 8 }}>
          <CartesianGrid horizontal={false} stroke="#e5e7eb" />
          <XAxis type="number" tickFormatter={tickText} fontSize={12} domain={[0, axis.top]} ticks={axis.ticks} interval={0} />
          <YAxis type="category" dataKey="name" width={longest * 14 + 16} interval={0} tick={(p) => <WrappedYTick {...p} maxChars={MAX_CHARS} />} />
          <Bar dataKey="count" name={byName} fill="#047857" isAnimationActive={false} barSize={Math.min(22, rowH - 8)}>
            <LabelList dataKey="label" position="right" fontSize={12} fill="#111827" />
          </Bar>
          <Tooltip
            cursor={{ fill: '#ecfdf5' }}
            content={({ active, payload }) => {
              const e = active ? (payload?.[0]?.payload as (typeof data)[number] | undefined) : undefined;
              return e ? (
                <div className="chart-tooltip">
                  <p>
                    <strong>{e.name}</strong>
                  </p>
                  <p>{e.hasData ? t('charts.tooltip.count', { count: countText(e.count) }) : t('common.noData')}</p>
                </div>
              ) : null;
            }}
          />
        </BarChart>
      )}
    </ChartFrame>
  );
}
