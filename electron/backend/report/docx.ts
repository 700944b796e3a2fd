/**
 * The report draft as a Word document (.docx) in the 公文 layout
 * (`gongwen.ts`): the title, the fixed section headings, the generated
 * paragraphs, the tables with merged headers like the official ones,
 * highlighted notes for broken 勾稽 rules, and highlighted placeholders for
 * the prose people write themselves.
 *
 * The 公文 fonts are named as Windows and WPS know them; where one is
 * missing (LibreOffice on Linux), fontconfig substitutes a CJK font.
 */
import {
  AlignmentType,
  Document,
  Footer,
  HeightRule,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IParagraphOptions,
  type IRunOptions,
} from 'docx';
import type { DraftTable, GridCell, ReportDraft } from '../../../shared/report/model';
import { unexplainedViolations } from '../../../shared/report/model';
import { BODY_SIZE, DOC_GRID, FONT, PAGE, SIZE, TEXT_WIDTH } from './gongwen';

type Font = (typeof FONT)[keyof typeof FONT];

function run(text: string, font: Font = FONT.body, extra: IRunOptions = {}): TextRun {
  return new TextRun({ text, font, size: BODY_SIZE, ...extra });
}

/** Two characters' first-line indent: by characters, so that it follows the grid's pitch. */
const INDENT = { firstLineChars: 200, firstLine: BODY_SIZE * 20 };

function body(children: TextRun[], extra: IParagraphOptions = {}): Paragraph {
  return new Paragraph({ children, indent: INDENT, alignment: AlignmentType.JUSTIFIED, ...extra });
}

/** 一、 in 黑体, （一） in 楷体; both 三号, on the grid like the body. */
function heading(text: string, level: 1 | 2, extra: IParagraphOptions = {}): Paragraph {
  return new Paragraph({ keepNext: true, indent: INDENT, children: [run(text, level === 1 ? FONT.heading1 : FONT.heading2)], ...extra });
}

/**
 * Smaller text (notes, tables, page numbers) stays off the grid: an exact
 * line height for the paragraph (a grid line is 29 pt, far taller than a
 * 五号 line needs) and runs that do not snap to the character pitch.
 */
const offGrid = (size: number) => ({ line: Math.round(size * 10 * 1.3), lineRule: LineRuleType.EXACT });
const small = (text: string, font: Font, size: number, extra: IRunOptions = {}) => run(text, font, { size, snapToGrid: false, ...extra });

/** A note on a broken rule. */
function note(text: string, error: boolean): Paragraph {
  return new Paragraph({
    spacing: { before: 60, after: 60, ...offGrid(SIZE.五号) },
    children: [small(text, FONT.body, SIZE.五号, { bold: error, color: error ? 'C00000' : '7F6000', highlight: 'yellow' })],
  });
}

/** Small tables take 五号; wide ones (the national 三) 小五 so that their columns keep whole numbers. */
function tableSize(t: DraftTable): { size: number; rowHeight: number } {
  return t.width - t.labelColumns > 6 ? { size: SIZE.小五, rowHeight: 400 } : { size: SIZE.五号, rowHeight: 454 };
}

function columnWidths(t: DraftTable): number[] {
  const labels = t.labelColumns;
  const values = t.width - labels;
  if (labels === 0) return new Array<number>(t.width).fill(Math.floor(TEXT_WIDTH / t.width));
  // The innermost label column holds the longest labels (1.属于国家秘密…); outer ones hold group names.
  const weights = Array.from({ length: labels }, (_, i) => (i === labels - 1 ? 2.2 : 1));
  const labelTotal = TEXT_WIDTH * (values > 4 ? 0.5 : 0.45);
  const weightSum = weights.reduce((s, w) => s + w, 0);
  const labelWidths = weights.map((w) => Math.floor((labelTotal * w) / weightSum));
  const valueWidth = Math.floor((TEXT_WIDTH - labelWidths.reduce((s, w) => s + w, 0)) / values);
  return [...labelWidths, ...new Array<number>(values).fill(valueWidth)];
}

function cell(c: GridCell, widths: number[], at: number, size: number): TableCell {
  const width = widths.slice(at, at + c.colSpan).reduce((s, w) => s + w, 0);
  const strong = c.kind === 'header' || c.kind === 'title';
  return new TableCell({
    columnSpan: c.colSpan > 1 ? c.colSpan : undefined,
    rowSpan: c.rowSpan > 1 ? c.rowSpan : undefined,
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    shading: c.flagged ? { fill: 'FFE699' } : undefined,
    children: c.text.split('\n').map(
      (line) =>
        new Paragraph({
          spacing: offGrid(size),
          alignment: c.kind === 'label' ? AlignmentType.LEFT : AlignmentType.CENTER,
          children: [small(line, strong ? FONT.heading1 : FONT.table, size)],
        }),
    ),
  });
}

/** Leading rows made of column headers only: repeated at the top of every page the table runs onto. */
function headerRowCount(t: DraftTable): number {
  let n = 0;
  while (n < t.rows.length && t.rows[n].every((c) => c.kind === 'header')) n++;
  return n;
}

/**
 * Grid rows → docx rows; `at` tracks each cell's first column, skipping cells
 * merged from above. Every row has the same least height, so rows are even
 * unless a label needs two lines, and no row breaks across pages.
 */
function tableOf(t: DraftTable): Table {
  const widths = columnWidths(t);
  const { size, rowHeight } = tableSize(t);
  const headers = headerRowCount(t);
  const covered: boolean[][] = t.rows.map(() => new Array<boolean>(t.width).fill(false));
  const rows = t.rows.map((row, r) => {
    let col = 0;
    const cells = row.map((c) => {
      while (col < t.width && covered[r][col]) col++;
      const at = col;
      for (let dr = 0; dr < c.rowSpan; dr++) for (let dc = 0; dc < c.colSpan; dc++) if (covered[r + dr]) covered[r + dr][at + dc] = true;
      col += c.colSpan;
      return cell(c, widths, at, size);
    });
    const isHeader = r < headers;
    return new TableRow({ children: cells, cantSplit: true, tableHeader: isHeader, keepNext: isHeader, height: { value: rowHeight, rule: HeightRule.ATLEAST } });
  });
  return new Table({ rows, columnWidths: widths, width: { size: TEXT_WIDTH, type: WidthType.DXA }, alignment: AlignmentType.CENTER });
}

function tableBlock(t: DraftTable, withTitle: boolean): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  if (withTitle) out.push(heading(t.title, 2, { alignment: AlignmentType.CENTER, indent: undefined }));
  out.push(tableOf(t), ...t.violations.map((v) => note(`${v.severity === 'error' ? '【勾稽错误】' : '【勾稽提示】'}${v.message}`, v.severity === 'error')));
  // The paragraph Word needs after a table, kept small.
  out.push(new Paragraph({ spacing: offGrid(SIZE.五号), children: [small('', FONT.body, SIZE.五号)] }));
  return out;
}

/** 四号 half-width digits between one-dash lines: odd pages right, even pages left, one character in from the edge. */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const em = SIZE.四号 * 10;
  return new Footer({
    children: [
      new Paragraph({
        spacing: offGrid(SIZE.四号),
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: em } : { left: em },
        children: [
          new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: FONT.pageNumber, size: SIZE.四号, snapToGrid: false }),
        ],
      }),
    ],
  });
}

export function draftDocument(draft: ReportDraft): Document {
  const children: (Paragraph | Table)[] = [
    // 二号 小标宋, centred, then one empty line before the body.
    new Paragraph({ alignment: AlignmentType.CENTER, children: [run(draft.title, FONT.title, { size: SIZE.二号 })] }),
    new Paragraph({ children: [] }),
  ];
  for (const s of draft.sections) {
    children.push(heading(s.title, 1));
    for (const p of draft.placeholders.filter((x) => x.section === s.id)) children.push(body([run(p.text, FONT.body, { highlight: 'yellow' })]));
    for (const p of draft.paragraphs.filter((x) => x.section === s.id)) {
      children.push(body([run(p.text)]));
      const broken = draft.violations.filter((v) => p.explains.includes(v.checkId));
      if (broken.length > 0) children.push(note(`【本段数字涉及未通过的勾稽关系】${broken.map((v) => v.message).join('；')}`, true));
    }
    for (const t of draft.tables.filter((x) => x.section === s.id)) children.push(...tableBlock(t, false));
  }
  const appendix = draft.tables.filter((t) => t.section === 'appendix');
  if (appendix.length > 0) {
    // 附件 starts on a page of its own, its label in 黑体 at the left margin.
    children.push(new Paragraph({ pageBreakBefore: true, keepNext: true, children: [run('附件', FONT.heading1)] }));
    for (const t of appendix) children.push(...tableBlock(t, true));
  }
  const unplaced = unexplainedViolations(draft);
  for (const v of unplaced) children.push(note(`【勾稽${v.severity === 'error' ? '错误' : '提示'}】${v.message}`, true));
  return new Document({
    creator: '政务公开台账',
    title: draft.title,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: { document: { run: { font: FONT.body, size: BODY_SIZE } } },
      // The grid's character pitch is relative to the Normal style's size: Word and LibreOffice read it there.
      paragraphStyles: [{ id: 'Normal', name: 'Normal', quickFormat: true, run: { font: FONT.body, size: BODY_SIZE } }],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, footer: PAGE.footer, header: PAGE.footer },
          },
          grid: { type: 'linesAndChars', linePitch: DOC_GRID.linePitch, charSpace: DOC_GRID.charSpace },
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children,
      },
    ],
  });
}

export function draftDocx(draft: ReportDraft): Promise<Buffer> {
  return Packer.toBuffer(draftDocument(draft));
}
