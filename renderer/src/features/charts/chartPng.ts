/**
 * A chart as a PNG: the chart's SVG serialised and drawn on a canvas at
 * twice its size, under its title and above a legend drawn as text (the
 * on-screen legend is HTML, so it is not part of the SVG).
 * The one place charts become pictures, so the breakdown can later switch
 * to the backend's rendering (charts.breakdownPng) with a one-line change.
 */
import { t } from '../../i18n/catalog';
import { saveBytes } from '../../platform/files';

export interface PngLegendItem {
  color: string;
  label: string;
}

export interface ChartPicture {
  title: string;
  svg: SVGSVGElement;
  legend?: PngLegendItem[];
}

const SCALE = 2;
const FONT = "'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif";
const TITLE_H = 40;
const LEGEND_ROW_H = 22;

function serialise(svg: SVGSVGElement): { text: string; width: number; height: number } {
  const box = svg.getBoundingClientRect();
  const width = Math.max(1, Math.round(box.width));
  const height = Math.max(1, Math.round(box.height));
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.setAttribute('font-family', FONT);
  return { text: new XMLSerializer().serializeToString(clone), width, height };
}

function loadImage(svgText: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml;charset=utf-8' }));
    img.onload = () => {
      URL.revokeObjectURL(url);
      resolve(img);
    };
    img.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error(t('charts.png.convertFailed')));
    };
    img.src = url;
  });
}

export async function chartToPng(picture: ChartPicture): Promise<Uint8Array> {
  const { text, width, height } = serialise(picture.svg);
  const img = await loadImage(text);
  const legend = picture.legend ?? [];
  const perRow = Math.max(1, Math.floor(width / 200));
  const legendH = legend.length === 0 ? 0 : Math.ceil(legend.length / perRow) * LEGEND_ROW_H + 12;
  const canvas = document.createElement('canvas');
  canvas.width = width * SCALE;
  canvas.height = (TITLE_H + height + legendH) * SCALE;
  const g = canvas.getContext('2d');
  if (!g) throw new Error(t('charts.png.noCanvas'));
  g.scale(SCALE, SCALE);
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, width, TITLE_H + height + legendH);
  g.fillStyle = '#111827';
  g.font = `bold 16px ${FONT}`;
  g.textBaseline = 'middle';
  g.fillText(picture.title, 12, TITLE_H / 2, width - 24);
  g.drawImage(img, 0, TITLE_H, width, height);
  g.font = `13px ${FONT}`;
  legend.forEach((item, i) => {
    const x = 12 + (i % perRow) * 200;
    const y = TITLE_H + height + 6 + Math.floor(i / perRow) * LEGEND_ROW_H;
    g.fillStyle = item.color;
    g.fillRect(x, y + 4, 14, 14);
    g.strokeStyle = '#111827';
    g.strokeRect(x, y + 4, 14, 14);
    g.fillStyle = '#111827';
    g.fillText(item.label, x + 20, y + 11, 176);
  });
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error(t('charts.png.failed'));
  return new Uint8Array(await blob.arrayBuffer());
}

export async function saveChartPng(picture: ChartPicture, fileName: string): Promise<{ saved: boolean; path?: string }> {
  return saveBytes(fileName, await chartToPng(picture), 'image/png');
}
