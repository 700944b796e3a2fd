/**
 * The report draft as a Word document (.docx): the fixed section headings,
 * the generated paragraphs, the tables with merged headers like the official
 * ones, highlighted notes for broken 勾稽 rules, and highlighted placeholders
 * for the prose people write themselves.
 *
 * Fonts: 仿宋 / 黑体 / 宋体 ship with Windows and WPS; LibreOffice substitutes
 * a CJK font through fontconfig (Noto CJK on Linux). Latin text uses Times
 * New Roman, which every office suite maps.
 */
import {
  AlignmentType,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type ParagraphChild,
} from 'docx';
import type { DraftTable, GridCell, ReportDraft } from '../../../shared/report/model';
import { REPORT_SECTIONS } from '../../../shared/report/model';

const LATIN = 'Times New Roman';
const font = (eastAsia: string) => ({ ascii: LATIN, hAnsi: LATIN, cs: LATIN, eastAsia });
const BODY = font('仿宋');
const HEADING = font('黑体');
const TABLE = font('宋体');
const TITLE = font('宋体');

/** Half-points: 三号 16pt, 二号 22pt, 小五 9pt. */
const SIZE = { title: 44, body: 32, table: 18 };
/** A4 text width in twips with 2.54 cm margins. */
const TEXT_WIDTH = 11906 - 2 * 1440;

function body(children: ParagraphChild[]): Paragraph {
  return new Paragraph({ children, indent: { firstLine: 640 }, spacing: { line: 560 }, alignment: AlignmentType.JUSTIFIED });
}

function text(t: string, f = BODY, extra: Partial<ConstructorParameters<typeof TextRun>[0] & object> = {}): TextRun {
  return new TextRun({ text: t, font: f, size: SIZE.body, ...extra });
}

function columnWidths(t: DraftTable): number[] {
  const labels = t.labelColumns;
  const values = t.width - labels;
  if (labels === 0) return new Array<number>(t.width).fill(Math.floor(TEXT_WIDTH / t.width));
  // The innermost label column holds the longest labels (1.属于国家秘密…); outer ones hold group names.
  const weights = Array.from({ length: labels }, (_, i) => (i === labels - 1 ? 2.2 : 1));
  const labelTotal = TEXT_WIDTH * (values > 4 ? 0.5 : 0.4);
  const weightSum = weights.reduce((s, w) => s + w, 0);
  const labelWidths = weights.map((w) => Math.floor((labelTotal * w) / weightSum));
  const valueWidth = Math.floor((TEXT_WIDTH - labelWidths.reduce((s, w) => s + w, 0)) / values);
  return [...labelWidths, ...new Array<number>(values).fill(valueWidth)];
}

function cell(c: GridCell, widths: number[], at: number): TableCell {
  const lines = c.text.split('\n');
  const width = widths.slice(at, at + c.colSpan).reduce((s, w) => s + w, 0);
  return new TableCell({
    columnSpan: c.colSpan > 1 ? c.colSpan : undefined,
    rowSpan: c.rowSpan > 1 ? c.rowSpan : undefined,
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    shading: c.flagged ? { fill: 'FFE699' } : c.kind === 'header' || c.kind === 'title' ? { fill: 'F2F2F2' } : undefined,
    children: lines.map(
      (line) =>
        new Paragraph({
          alignment: c.kind === 'label' ? AlignmentType.LEFT : AlignmentType.CENTER,
          children: [new TextRun({ text: line, font: TABLE, size: SIZE.table, bold: c.kind === 'header' || c.kind === 'title' })],
        }),
    ),
  });
}

/** Grid rows → docx rows; `at` tracks each cell's first column, skipping cells merged from above. */
function tableOf(t: DraftTable): Table {
  const widths = columnWidths(t);
  const covered: boolean[][] = t.rows.map(() => new Array<boolean>(t.width).fill(false));
  const rows = t.rows.map((row, r) => {
    let col = 0;
    const cells = row.map((c) => {
      while (col < t.width && covered[r][col]) col++;
      const at = col;
      for (let dr = 0; dr < c.rowSpan; dr++) for (let dc = 0; dc < c.colSpan; dc++) if (covered[r + dr]) covered[r + dr][at + dc] = true;
      col += c.colSpan;
      return cell(c, widths, at);
    });
    return new TableRow({ children: cells, cantSplit: true });
  });
  return new Table({ rows, columnWidths: widths, width: { size: TEXT_WIDTH, type: WidthType.DXA } });
}

function violationNotes(t: DraftTable): Paragraph[] {
  return t.violations.map(
    (v) =>
      new Paragraph({
        spacing: { before: 60 },
        children: [
          new TextRun({
            text: `${v.severity === 'error' ? '【勾稽错误】' : '【勾稽提示】'}${v.message}`,
            font: BODY,
            size: 21,
            bold: v.severity === 'error',
            color: v.severity === 'error' ? 'C00000' : '7F6000',
            highlight: 'yellow',
          }),
        ],
      }),
  );
}

function tableBlock(t: DraftTable, withTitle: boolean): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  if (withTitle) out.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 240, after: 120 }, children: [text(t.title, HEADING, { size: 28 })] }));
  out.push(tableOf(t), ...violationNotes(t), new Paragraph({ children: [] }));
  return out;
}

export function draftDocument(draft: ReportDraft): Document {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 480 }, children: [text(draft.title, TITLE, { size: SIZE.title, bold: true })] }),
  ];
  for (const s of REPORT_SECTIONS) {
    children.push(new Paragraph({ spacing: { before: 240, line: 560 }, indent: { firstLine: 640 }, children: [text(s.title, HEADING)] }));
    for (const p of draft.placeholders.filter((x) => x.section === s.id)) children.push(body([text(p.text, BODY, { highlight: 'yellow' })]));
    for (const p of draft.paragraphs.filter((x) => x.section === s.id)) {
      children.push(body([text(p.text)]));
      const broken = draft.violations.filter((v) => p.violations.includes(v.checkId));
      if (broken.length > 0) children.push(new Paragraph({ children: [text(`【本段数字涉及未通过的勾稽关系】${broken.map((v) => v.message).join('；')}`, BODY, { color: 'C00000', highlight: 'yellow', size: 21 })] }));
    }
    for (const t of draft.tables.filter((x) => x.section === s.id)) children.push(...tableBlock(t, false));
  }
  const appendix = draft.tables.filter((t) => t.section === 'appendix');
  if (appendix.length > 0) {
    children.push(new Paragraph({ spacing: { before: 480 }, children: [text('附：统计表', HEADING)] }));
    for (const t of appendix) children.push(...tableBlock(t, true));
  }
  const unplaced = draft.violations.filter((v) => !draft.tables.some((t) => t.violations.includes(v)));
  for (const v of unplaced) children.push(new Paragraph({ children: [text(`【勾稽${v.severity === 'error' ? '错误' : '提示'}】${v.message}`, BODY, { color: 'C00000', highlight: 'yellow', size: 21 })] }));
  return new Document({
    creator: '政务公开台账',
    title: draft.title,
    styles: { default: { document: { run: { font: BODY, size: SIZE.body } } } },
    sections: [{ properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1440, bottom: 1440, left: 1440, right: 1440 } } }, children }],
  });
}

export function draftDocx(draft: ReportDraft): Promise<Buffer> {
  return Packer.toBuffer(draftDocument(draft));
}
