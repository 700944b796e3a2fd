/**
 * The category breakdown: the picture of shared/charts/breakdownSvg.ts (the
 * one the saved PNG and the workbook show), and a bar chart sorted largest first.
 */
import { Bar, BarChart, CartesianGrid, LabelList, Tooltip, XAxis, YAxis } from 'recharts';
import type { BreakdownCaption } from '../../../../shared/api/methods/charts';
import { breakdownPicture } from '../../../../shared/charts/breakdownSvg';
import { SINGLE_SERIES } from '../../../../shared/charts/palette';
import { sortedByCount, type Breakdown } from '../../../../shared/charts/shape';
import { formatPercent, ROUNDING_NOTE } from '../../../../shared/charts/shares';
import { breakdownTable } from '../../../../shared/charts/table';
import type { UnitScope } from '../../../../shared/domain';
import type { Period } from '../../../../shared/values/period';
import { api } from '../../api/client';
import { t } from '../../i18n/catalog';
import { base64ToBytes } from '../../platform/files';
import { roundTicks } from '../../../../shared/charts/ticks';
import { countText, tickText } from '../../../../shared/values/numberFormat';
import { ChartFrame } from './ChartFrame';
import { chartWidth } from './chartWidth';
import { svgElements } from './SvgPicture';
import { WrappedYTick } from './WrappedTick';


/** Why the shares read as they do: none stated (the picture prints —), or a sum off 100.00% by rounding. */
function ShareNote({ breakdown, inPicture = false }: { breakdown: Breakdown; inPicture?: boolean }) {
  if (breakdown.empty) return null;
  if (!breakdown.sharesStated) return <p className="muted" data-testid="share-note">{t('charts.sharesUnstated')}</p>;
  // The picture prints the rounding note itself.
  return breakdown.roundingNote && !inPicture ? <p className="muted" data-testid="share-note">{ROUNDING_NOTE}</p> : null;
}

/** Whose breakdown the picture shows, so "save as PNG" asks the backend for this same picture. */
export interface PictureSource {
  templateId: string;
  period: Period;
  scope: UnitScope;
  /** A breakdown the template declares (its code); the categories' when absent. */
  breakdown?: string;
}

interface Props {
  breakdown: Breakdown;
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
      <p>{share ? t('charts.tooltip.share', { count: countText(count), share }) : t('charts.tooltip.count', { count: countText(count) })}</p>
    </div>
  );
}

async function savedPicture(p: PictureSource): Promise<Uint8Array> {
  return base64ToBytes((await api.request('charts.breakdownPng', p)).base64);
}

/**
 * The donut with its legend, drawn from the same picture definition as the
 * saved PNG (the backend rasterises this tree with the same title, subtitle,
 * colours and patterns).
 */
export function DonutChart({
  id = 'donut',
  breakdown,
  caption,
  pictureSubtitle,
  source,
  subtitle,
  fileStem,
  emptyWhat,
}: Props & { id?: string; caption: BreakdownCaption | null; pictureSubtitle: string; source: PictureSource }) {
  const picture = caption ? breakdownPicture(breakdown, caption, pictureSubtitle) : null;
  return (
    <ChartFrame
      id={id}
      title={caption?.title ?? t('charts.donut.title')}
      subtitle={subtitle}
      table={breakdownTable(breakdown)}
      emptyMessage={picture ? emptyMessage(breakdown, emptyWhat) : t('charts.noCategories', { template: '' })}
      fileName={source.breakdown && caption ? t('charts.file.named', { stem: fileStem, title: caption.title }) : t('charts.file.donut', { stem: fileStem })}
      makePng={() => savedPicture(source)}
      titleInPicture
    >
      {picture && (
        <div className="breakdown-picture" data-testid="breakdown-legend">
          {svgElements({ ...picture.tree, attrs: { ...picture.tree.attrs, role: 'img', 'aria-label': caption?.title ?? '' } })}
        </div>
      )}
      <ShareNote breakdown={breakdown} inPicture />
    </ChartFrame>
  );
}

export function SortedBarChart({ breakdown, subtitle, fileStem, emptyWhat }: Props) {
  const data = sortedByCount(breakdown.items).map((i) => ({ ...i, label: breakdown.sharesStated ? `${countText(i.count)}（${formatPercent(i)}）` : countText(i.count) }));
  const maxChars = 8;
  const longest = Math.max(1, ...data.map((d) => Math.min([...d.name].length, maxChars)));
  const lines = Math.max(1, ...data.map((d) => Math.ceil([...d.name].length / maxChars)));
  const rowH = Math.max(30, lines * 15 + 12);
  const axis = roundTicks(Math.max(0, ...data.map((d) => d.count)));
  return (
    <ChartFrame
      id="bar"
      title={t('charts.bar.title')}
      subtitle={subtitle}
      table={breakdownTable(breakdown)}
      emptyMessage={emptyMessage(breakdown, emptyWhat)}
      fileName={t('charts.file.bar', { stem: fileStem })}
    >
      {(card) => (
        <>
        <BarChart width={chartWidth(card)} height={data.length * rowH + 40} data={data} layout="vertical" margin={{ top: 8, right: 140, bottom: 8, left: 8 }}>
          <CartesianGrid horizontal={false} stroke="#e5e7eb" />
          <XAxis type="number" tickFormatter={tickText} fontSize={12} domain={[0, axis.top]} ticks={axis.ticks} interval={0} />
          <YAxis type="category" dataKey="name" width={longest * 14 + 16} interval={0} tick={(p) => <WrappedYTick {...p} maxChars={maxChars} />} />
          <Bar dataKey="count" name={t('charts.count')} fill={SINGLE_SERIES} isAnimationActive={false} barSize={Math.min(22, rowH - 8)}>
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
        </>
      )}
    </ChartFrame>
  );
}
