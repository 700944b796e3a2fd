/**
 * The page of a 公文 (GB/T 9704-2012): A4, margins 37 / 35 / 28 / 26 mm
 * (top, bottom, left, right), which leave a text area of 156 × 225 mm, and a
 * grid of 22 lines of 28 characters of 三号 (16 pt) in it. A typist's
 * template carries exactly these settings; the draft has them so that
 * nobody has to reformat it.
 *
 * Word sizes: twips (1/20 pt, 1440 per inch); font sizes in half-points.
 */

const TWIPS_PER_MM = 1440 / 25.4;
const mm = (v: number) => Math.round(v * TWIPS_PER_MM);

export const PAGE = {
  /** A4: 210 × 297 mm. */
  width: 11906,
  height: 16838,
  top: mm(37),
  bottom: mm(35),
  left: mm(28),
  right: mm(26),
  /** The page number's one-dash line sits 7 mm below the text area; the footer is measured from the paper's edge. */
  footer: mm(35 - 7 - 6),
};

export const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
export const TEXT_HEIGHT = PAGE.height - PAGE.top - PAGE.bottom;

export const GRID_LINES = 22;
export const GRID_CHARS = 28;

/** Half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 小四 12 pt, 五号 10.5 pt, 小五 9 pt. */
export const SIZE = { 二号: 44, 三号: 32, 四号: 28, 小四: 24, 五号: 21, 小五: 18 } as const;

/** The body's size: the grid's character pitch is defined relative to it (the document default). */
export const BODY_SIZE = SIZE.三号;

/**
 * The document grid. Line pitch: the text height shared by 22 lines, rounded
 * down so that 22 fit. Character pitch: Word stores it as the difference
 * from the default font size in 1/4096 pt, rounded down so that 28 fit.
 */
export const DOC_GRID = {
  linePitch: Math.floor(TEXT_HEIGHT / GRID_LINES),
  charSpace: Math.floor((TEXT_WIDTH / GRID_CHARS / 20 - BODY_SIZE / 2) * 4096),
};

/**
 * Fonts by role: 方正小标宋简体 for the title, 黑体 for first-level headings
 * (一、), 楷体 for second-level ones (（一）), 仿宋 for the body, bold 仿宋
 * for the third level (1.). Windows ships 黑体, 楷体 and 仿宋; offices
 * install 方正小标宋. Latin text and digits use Times New Roman.
 */
const LATIN = 'Times New Roman';
const font = (eastAsia: string) => ({ ascii: LATIN, hAnsi: LATIN, cs: LATIN, eastAsia });
export const FONT = {
  title: font('方正小标宋简体'),
  heading1: font('黑体'),
  heading2: font('楷体'),
  body: font('仿宋'),
  table: font('仿宋'),
  /** Page numbers: 四号 半角宋体 digits. */
  pageNumber: font('宋体'),
};
