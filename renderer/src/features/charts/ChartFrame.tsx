/**
 * Every chart's frame: title, a chart/table switch, copy as table, save as
 * picture, and a plain "无数据" where a period has no figures, so an empty
 * chart is never mistaken for zeros.
 */
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { toTsv, type ChartTable } from '../../../../shared/charts/table';
import { countText, NO_FIGURE } from '../../../../shared/values/numberFormat';
import { t } from '../../i18n/catalog';
import { saveChartPng, type PngLegendItem } from './chartPng';
import { copyText } from './clipboard';
import { saveBytes } from '../../platform/files';
import './charts.css';

export interface ChartFrameProps {
  id: string;
  title: string;
  subtitle?: string;
  table: ChartTable;
  /** Set when there is nothing to draw: the reason is shown instead of the chart. */
  emptyMessage?: string | null;
  fileName: string;
  legend?: PngLegendItem[];
  /** Makes the picture elsewhere (e.g. the backend's rendering); by default the chart on screen is drawn to PNG. */
  makePng?: () => Promise<Uint8Array>;
  /** The chart draws its own title (a picture): the caption names it for screen readers only. */
  titleInPicture?: boolean;
  /** The chart, or a function drawing it at the card's inner width (chartWidth.ts). */
  children: ReactNode | ((cardWidth: number) => ReactNode);
}

export function ChartFrame({ id, title, subtitle, table, emptyMessage, fileName, legend, makePng, titleInPicture, children }: ChartFrameProps) {
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const [notice, setNotice] = useState<string | null>(null);
  const body = useRef<HTMLDivElement>(null);
  const frame = useRef<HTMLElement>(null);
  const [width, setWidth] = useState(0);

  // The card's inner width, followed as the window changes, for the chart to fill.
  useLayoutEffect(() => {
    const el = frame.current;
    if (!el) return;
    const measure = () => {
      const style = getComputedStyle(el);
      setWidth(el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  async function copy() {
    try {
      await copyText(toTsv(table));
      setNotice(t('charts.copied', { rows: table.rows.length + 1 }));
    } catch (e) {
      setNotice(t('charts.copyFailed', { reason: (e as Error).message }));
    }
  }

  async function save() {
    const svg = body.current?.querySelector<SVGSVGElement>('svg.recharts-surface');
    if (!svg && !makePng) return;
    try {
      const r = makePng
        ? await saveBytes(fileName, await makePng(), 'image/png')
        : await saveChartPng({ title: subtitle ? `${title}（${subtitle}）` : title, svg: svg!, legend }, fileName);
      if (r.saved) setNotice(t('charts.saved', { file: r.path ?? fileName }));
    } catch (e) {
      setNotice(t('charts.saveFailed', { reason: (e as Error).message }));
    }
  }

  const empty = Boolean(emptyMessage);
  return (
    <figure ref={frame} className="chart-frame card" data-testid={`chart-${id}`} aria-label={title}>
      <figcaption className="chart-head">
        <span className={titleInPicture && !emptyMessage ? 'chart-title visually-hidden' : 'chart-title'}>{title}</span>
        {subtitle && <span className={titleInPicture && !emptyMessage ? 'visually-hidden' : 'muted'}>{subtitle}</span>}
        <span className="chart-actions" role="group" aria-label={title}>
          <button aria-pressed={view === 'chart'} onClick={() => setView('chart')}>
            {t('charts.view.chart')}
          </button>
          <button aria-pressed={view === 'table'} onClick={() => setView('table')}>
            {t('charts.view.table')}
          </button>
          <button onClick={() => void copy()} disabled={empty}>
            {t('charts.copy')}
          </button>
          <button onClick={() => void save()} disabled={empty || view !== 'chart'}>
            {t('charts.savePng')}
          </button>
        </span>
      </figcaption>
      {notice && (
        <p className="chart-notice" role="status">
          {notice}
        </p>
      )}
      {empty ? (
        <p className="chart-empty" role="note">
          {emptyMessage}
        </p>
      ) : view === 'chart' ? (
        <div className="chart-body" ref={body}>
          {typeof children === 'function' ? children(width) : children}
        </div>
      ) : (
        <ChartTableView table={table} caption={title} />
      )}
    </figure>
  );
}

function ChartTableView({ table, caption }: { table: ChartTable; caption: string }) {
  return (
    <div className="chart-table-wrap">
      <table className="chart-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {table.head.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((r, i) => (
            <tr key={i}>
              {r.map((c, j) => (
                <td key={j} className={typeof c === 'number' ? 'num' : undefined}>
                  {c === null ? NO_FIGURE : typeof c === 'number' ? countText(c) : c}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
