/** The category breakdown: a donut with a legend table, and a bar chart sorted largest first. */
import { api } from '../../api/client';
import { base64ToBytes } from '../../platform/files';
import { formatPeriodKey, type Period } from '../../../../shared/values/period';
import { Bar, BarChart, CartesianGrid, Label, LabelList, Pie, PieChart, Tooltip, XAxis, YAxis, type PieLabelRenderProps } from 'recharts';
import { formatPercent, ROUNDING_NOTE } from '../../../../shared/charts/shares';
import { sortedByCount, type Breakdown } from '../../../../shared/charts/shape';
import { breakdownTable } from '../../../../shared/charts/table';
import { t } from '../../i18n/catalog';
import { ChartFrame } from './ChartFrame';
import { seriesFill, swatchStyle } from './palette';
import { WrappedYTick } from './WrappedTick';

const fmt = (n: number) => n.toLocaleString('zh-CN');

/** A category's printed share; none when the stated total disagrees with the categories (shares.ts). */
const shareOf = (b: Breakdown, i: Breakdown['items'][number]) => (b.sharesStated ? formatPercent(i) : '—');

/** Why the shares read as they do, under the legend: none stated, or a sum off 100.00% by rounding. */
function ShareNote({ breakdown }: { breakdown: Breakdown }) {
  if (breakdown.empty) return null;
  if (!breakdown.sharesStated) return <p className="muted" data-testid="share-note">{t('charts.sharesUnstated')}</p>;
  return breakdown.roundingNote ? <p className="muted" data-testid="share-note">{ROUNDING_NOTE}</p> : null;
}

/** What the Excel export's breakdown picture is drawn from, so "save as PNG" gives that same picture. */
export interface PictureSource {
  templateId: string;
  period: Period;
  unitCode: string;
  level: boolean;
}

interface Props {
  breakdown: Breakdown;
  picture?: PictureSource;
  /** e.g. "2017年 · 遂宁市（含下级）". */
  subtitle: string;
  fileStem: string;
  emptyWhat: string;
}

function emptyMessage(b: Breakdown, what: string): string | null {
  if (b.items.length === 0) return t('charts.noCategories', { template: '' });
  return b.empty ? t('charts.empty', { what }) : null;
}

function TipBox({ name, count, share }: { name: string; count: number; share?: string }) {
  return (
    <div className="chart-tooltip">
      <p>
        <strong>{name}</strong>
      </p>
      <p>{share ? t('charts.tooltip.share', { count: fmt(count), share }) : t('charts.tooltip.count', { count: fmt(count) })}</p>
    </div>
  );
}

/** Percent inside slices big enough to hold it; smaller slices are read from the legend beside. */
function sliceLabel(p: PieLabelRenderProps) {
  const entry = p.payload as { basisPoints: number; count: number; sharesStated: boolean } | undefined;
  if (!entry || !entry.sharesStated || entry.basisPoints < 500) return null;
  const r = (Number(p.innerRadius) + Number(p.outerRadius)) / 2;
  const a = (-Number(p.midAngle) * Math.PI) / 180;
  const x = Number(p.cx) + r * Math.cos(a);
  const y = Number(p.cy) + r * Math.sin(a);
  return (
    <text x={x} y={y} textAnchor="middle" dominantBaseline="middle" fontSize={13} fontWeight="bold" fill="#111827" stroke="#ffffff" strokeWidth={3} paintOrder="stroke">
      {formatPercent(entry)}
    </text>
  );
}

async function exportPicture(p: PictureSource): Promise<Uint8Array> {
  const png = await api.request('charts.breakdownPng', {
    templateId: p.templateId,
    period: formatPeriodKey(p.period),
    unitCode: p.unitCode,
    scope: p.level ? 'subtree' : 'unit',
  });
  return base64ToBytes(png.base64);
}

export function DonutChart({ breakdown, picture, subtitle, fileStem, emptyWhat }: Props) {
  const data = breakdown.items.map((i, n) => ({ ...i, fill: seriesFill(n).fill, sharesStated: breakdown.sharesStated }));
  const legend = breakdown.items.map((i, n) => ({ color: seriesFill(n).color, label: t('charts.legend.item', { name: i.name, count: fmt(i.count), share: shareOf(breakdown, i) }) }));
  return (
    <ChartFrame
      id="donut"
      title={t('charts.donut.title')}
      subtitle={subtitle}
      table={breakdownTable(breakdown)}
      emptyMessage={emptyMessage(breakdown, emptyWhat)}
      fileName={t('charts.file.donut', { stem: fileStem })}
      legend={legend}
      // The same rendering the Excel export embeds.
      makePng={picture ? () => exportPicture(picture) : undefined}
    >
      <div className="chart-row">
        <PieChart width={340} height={320}>
          <Pie data={data} dataKey="count" nameKey="name" cx={170} cy={160} innerRadius={78} outerRadius={145} isAnimationActive={false} label={sliceLabel} labelLine={false} stroke="#ffffff" strokeWidth={1.5}>
            <Label position="center" fontSize={15} fontWeight="bold" fill="#111827" value={`${t('charts.total')} ${fmt(breakdown.total)}`} />
          </Pie>
          <Tooltip
            content={({ active, payload }) => {
              const e = active ? (payload?.[0]?.payload as (typeof data)[number] | undefined) : undefined;
              return e ? <TipBox name={e.name} count={e.count} share={breakdown.sharesStated ? formatPercent(e) : undefined} /> : null;
            }}
          />
        </PieChart>
        <ul className="chart-legend" aria-label={t('charts.legend')} data-testid="breakdown-legend">
          {breakdown.items.map((i, n) => (
            <li key={i.code} data-category={i.name}>
              <span className="swatch" style={swatchStyle(seriesFill(n))} title={seriesFill(n).texture ?? undefined} />
              <span>{i.name}</span>
              <span className="num">{fmt(i.count)}</span>
              <span className="num share">{shareOf(breakdown, i)}</span>
            </li>
          ))}
        </ul>
      </div>
      <ShareNote breakdown={breakdown} />
    </ChartFrame>
  );
}

export function SortedBarChart({ breakdown, subtitle, fileStem, emptyWhat }: Props) {
  const data = sortedByCount(breakdown.items).map((i) => ({ ...i, label: breakdown.sharesStated ? `${fmt(i.count)}（${formatPercent(i)}）` : fmt(i.count) }));
  const maxChars = 8;
  const longest = Math.max(1, ...data.map((d) => Math.min([...d.name].length, maxChars)));
  const lines = Math.max(1, ...data.map((d) => Math.ceil([...d.name].length / maxChars)));
  const rowH = Math.max(30, lines * 15 + 12);
  return (
    <ChartFrame
      id="bar"
      title={t('charts.bar.title')}
      subtitle={subtitle}
      table={breakdownTable(breakdown)}
      emptyMessage={emptyMessage(breakdown, emptyWhat)}
      fileName={t('charts.file.bar', { stem: fileStem })}
    >
      <BarChart width={720} height={data.length * rowH + 40} data={data} layout="vertical" margin={{ top: 8, right: 140, bottom: 8, left: 8 }}>
        <CartesianGrid horizontal={false} stroke="#e5e7eb" />
        <XAxis type="number" tickFormatter={fmt} fontSize={12} />
        <YAxis type="category" dataKey="name" width={longest * 14 + 16} interval={0} tick={(p) => <WrappedYTick {...p} maxChars={maxChars} />} />
        <Bar dataKey="count" name={t('charts.count')} fill="#1e3a8a" isAnimationActive={false} barSize={Math.min(22, rowH - 8)}>
          <LabelList dataKey="label" position="right" fontSize={12} fill="#111827" />
        </Bar>
        <Tooltip
          cursor={{ fill: '#eef2ff' }}
          content={({ active, payload }) => {
            const e = active ? (payload?.[0]?.payload as (typeof data)[number] | undefined) : undefined;
            return e ? <TipBox name={e.name} count={e.count} share={breakdown.sharesStated ? formatPercent(e) : undefined} /> : null;
          }}
        />
      </BarChart>
      <ShareNote breakdown={breakdown} />
    </ChartFrame>
  );
}
