/**
 * Report templates are data (resources/templates/*.json), validated by this
 * schema at start. A new national format is a new JSON file, not new code.
 *
 * Every stored value is addressed by a cell reference:
 *   - list sections:  the indicator code, e.g. "pub.total"
 *   - table sections: "<rowCode>:<colCode>", e.g. "t3.new:natural"
 * Codes are stable identifiers (lower-case ASCII, dots, digits, underscores)
 * and are unique across the whole template, so a reference never needs the
 * section to be resolved.
 */
import { z } from 'zod';
import { UNIT_KINDS } from '../domain';

export const MEASURE_UNITS = ['条', '件', '次', '篇', '期', '人次', '项', '个', '元', '万元'] as const;
export const measureUnitSchema = z.enum(MEASURE_UNITS);
export type MeasureUnit = z.infer<typeof measureUnitSchema>;

/** count: whole number >= 0; amount: >= 0 with the cell's decimals (2 unless it says otherwise). */
export const valueKindSchema = z.enum(['count', 'amount']);
export type ValueKind = z.infer<typeof valueKindSchema>;

/**
 * Decimals an amount is entered, stored, summed and printed with (万元 in
 * the national tables: 4, as reports print 59237.2449 万元). Counts have 0.
 * Limits per precision: shared/values/limits.ts.
 */
export const decimalsSchema = z.number().int().min(0).max(4);

/**
 * How the months of a year roll up into the year's figure:
 * sum for flows, last for stocks (现行有效件数, 结转下年度, 累计…),
 * first for opening balances (上年结转).
 */
export const rollupSchema = z.enum(['sum', 'last', 'first']);
export type Rollup = z.infer<typeof rollupSchema>;

const codeSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_.]*$/, '代码只能使用小写字母、数字、点和下划线，并以字母开头');

export const indicatorSchema = z.strictObject({
  code: codeSchema,
  name: z.string().min(1),
  /** Optional shorter label for charts and narrow columns. */
  shortName: z.string().min(1).optional(),
  measure: measureUnitSchema,
  valueKind: valueKindSchema.default('count'),
  decimals: decimalsSchema.optional(),
  rollup: rollupSchema.default('sum'),
  /** Visual nesting (0 = top level, 1 = 其中…). */
  level: z.number().int().min(0).max(3).default(0),
  /** Marks the category indicators shown in the breakdown chart. */
  category: z.string().min(1).optional(),
  note: z.string().optional(),
  /**
   * How the report draft names this figure in a sentence, its own verb
   * included (开展解读 → 开展解读28次), where the sentence's verb (公开) does
   * not fit it. Default: the name, after the sentence's verb.
   */
  phrase: z.string().min(1).optional(),
});
export type Indicator = z.infer<typeof indicatorSchema>;

export const listSectionSchema = z.strictObject({
  kind: z.literal('list'),
  code: codeSchema,
  title: z.string().min(1),
  /** Optional sub-grouping label shown above a run of indicators. */
  groups: z
    .array(z.strictObject({ title: z.string().min(1), indicators: z.array(indicatorSchema).min(1) }))
    .min(1),
});
export type ListSection = z.infer<typeof listSectionSchema>;

export const tableRowSchema = z.strictObject({
  /** Absent on label-only group rows (三、本年度办理结果 …). */
  code: codeSchema.optional(),
  label: z.string().min(1),
  level: z.number().int().min(0).max(3).default(0),
  rollup: rollupSchema.optional(),
  valueKind: valueKindSchema.optional(),
  decimals: decimalsSchema.optional(),
  measure: measureUnitSchema.optional(),
  /** Short field note shown beside the row in the grid: how to count what people get wrong. */
  note: z.string().min(1).optional(),
});
export type TableRow = z.infer<typeof tableRowSchema>;

export const tableColumnSchema = z.strictObject({
  code: z.string().regex(/^[a-z][a-z0-9_]*$/),
  label: z.string().min(1),
  /** Header group above this column (merged cell in the official layout). */
  group: z.string().min(1).optional(),
  /** Second header level between group and label, when the official table has three. */
  subgroup: z.string().min(1).optional(),
  rollup: rollupSchema.optional(),
  valueKind: valueKindSchema.optional(),
  decimals: decimalsSchema.optional(),
  measure: measureUnitSchema.optional(),
});
export type TableColumn = z.infer<typeof tableColumnSchema>;

export const tableSectionSchema = z.strictObject({
  kind: z.literal('table'),
  code: codeSchema,
  title: z.string().min(1),
  /** Label of the header cell over the row labels (e.g. 信息内容). */
  cornerLabel: z.string().default(''),
  /** Note printed in the corner cell (table 三's 勾稽 note). */
  cornerNote: z.string().optional(),
  /**
   * Heading of the sheet (exported workbook) and page that prints this table
   * together with the other tables naming the same sheet: the official
   * 二、主动公开政府信息情况 is four small tables. Default: the table's title.
   */
  sheet: z.string().min(1).optional(),
  /** Defaults for cells that neither their row nor column override. */
  measure: measureUnitSchema,
  valueKind: valueKindSchema.default('count'),
  decimals: decimalsSchema.optional(),
  rows: z.array(tableRowSchema).min(1),
  columns: z.array(tableColumnSchema).min(1),
});
export type TableSection = z.infer<typeof tableSectionSchema>;

export const sectionSchema = z.discriminatedUnion('kind', [listSectionSchema, tableSectionSchema]);
export type Section = z.infer<typeof sectionSchema>;

/**
 * A term of a rule: a cell reference with an optional sign and year.
 * Within a rule with `forEach`, "*" in a reference stands for each column
 * (forEach: columns) or each row (forEach: rows) of the named table.
 * A string is shorthand for { ref }; a leading "-" for sign -1.
 */
export const termObjectSchema = z.strictObject({
  ref: z.string().min(1),
  sign: z.union([z.literal(1), z.literal(-1)]).default(1),
  /** previous: the same cell's year figure of the year before. */
  year: z.enum(['current', 'previous']).default('current'),
});
export const termSchema = z.union([z.string().min(1), termObjectSchema]).transform((t) => {
  if (typeof t !== 'string') return t;
  const negative = t.startsWith('-');
  return { ref: negative ? t.slice(1) : t, sign: negative ? (-1 as const) : (1 as const), year: 'current' as const };
});
export type Term = z.output<typeof termSchema>;

export const ruleScopeSchema = z.enum(['month', 'year']);
export type RuleScope = z.infer<typeof ruleScopeSchema>;

export const ruleSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_.-]*$/),
  severity: z.enum(['error', 'warning']),
  left: z.array(termSchema).min(1),
  op: z.enum(['=', '<=', '>=', '<', '>']),
  /** Empty: zero (a cell that must stay empty or 0 for some units). */
  right: z.array(termSchema),
  /**
   * Chinese message naming the cells. Placeholders: {left} and {right} (the
   * two sums), {label} (the row or column the rule was expanded for).
   */
  message: z.string().min(1),
  /**
   * Words added to the message for an office only (核实各牵头部门上报的数据):
   * a department's clerk cannot act on them.
   */
  officeAdvice: z.string().min(1).optional(),
  /**
   * The kinds of unit whose own figures the rule checks (a level: its head
   * unit's kind); absent: every unit. Not applied when the kind is unknown.
   */
  unitKinds: z.array(z.enum(UNIT_KINDS)).min(1).optional(),
  /** Periods the rule applies to: one month's figures, the year's roll-up, or both. */
  scope: z.array(ruleScopeSchema).min(1).default(['month', 'year']),
  /** Expands the rule once per column or per row of a table section. */
  forEach: z.strictObject({ table: codeSchema, over: z.enum(['columns', 'rows']) }).optional(),
  /**
   * Rules whose terms are all empty are skipped (in a completed year a
   * blank counts as 0: shared/rules/evaluate.ts). With requireAll, the rule is
   * skipped unless every referenced cell has a value (for cross-year checks).
   */
  requireAll: z.boolean().default(false),
});
export type Rule = z.infer<typeof ruleSchema>;

/** One slice of a breakdown chart: a label and the cells it adds up (e.g. 不予公开 = its eight reasons). */
export const breakdownItemSchema = z.strictObject({
  label: z.string().min(1),
  cells: z.array(z.string().min(1)).min(1),
});

/**
 * A breakdown chart beside the category one (依申请公开办理结果, 行政复议结果…):
 * which cells make each slice, all in one measure. The same picture as the
 * categories' (shared/charts/breakdownSvg.ts) on screen, as PNG and in the workbook.
 */
export const breakdownSchema = z.strictObject({
  code: z.string().regex(/^[a-z][a-z0-9_]*$/),
  title: z.string().min(1),
  /** Cells whose sum the slices must equal for shares to be stated (shares.ts); none: the slices' own sum. */
  total: z.array(z.string().min(1)).default([]),
  items: z.array(breakdownItemSchema).min(2),
});
export type BreakdownDefinition = z.infer<typeof breakdownSchema>;

/**
 * One heading of the report as the format's own reports print it (一、概述),
 * with the plan's paragraphs and tables it holds, by id (a paragraph id's
 * stem names a family: key holds key.1, key.2 …), and text for people to
 * write themselves.
 */
export const reportSectionSchema = z.strictObject({
  title: z.string().min(1).max(60),
  contents: z.array(z.string().regex(/^[a-z][a-z0-9_]*$/)).default([]),
  placeholder: z.string().min(1).max(200).optional(),
});
export type ReportSectionDefinition = z.infer<typeof reportSectionSchema>;

export const templateSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  version: z.number().int().min(1),
  name: z.string().min(1),
  description: z.string().default(''),
  /** The year the format takes effect (informational; any year may use it). */
  since: z.number().int().min(1990).max(2100).optional(),
  /**
   * The template new data files use (settings may choose another). Among the
   * built-in templates exactly one says so.
   */
  default: z.boolean().default(false),
  /**
   * The report draft's plan (shared/report/narratives): what its paragraphs
   * say and which tables it prints. Default: the plan named like the
   * template, else the generic one (every section as a table).
   */
  reportPlan: z.string().regex(/^[a-z][a-z0-9-]*$/).optional(),
  /**
   * The report's headings in the format's own order (the 2017 reports: 一、概述 …
   * 四、政府信息公开收费及减免情况 … 七、改进措施); absent: the national 2021
   * outline (shared/report/model.ts REPORT_SECTIONS). Every paragraph the
   * plan writes must have its place (checked when templates are loaded).
   */
  reportOutline: z.array(reportSectionSchema).min(1).max(12).optional(),
  /**
   * Templates whose cells this one repeats under the same codes (the
   * current ledger holds the national tables): office totals, charts and
   * report drafts of either template count the shared cells of units on
   * both. Shared cells must agree in measure, kind, decimals and roll-up
   * (checked when the templates are loaded).
   */
  sharesCellsWith: z.array(z.string().regex(/^[a-z][a-z0-9-]*$/)).default([]),
  /**
   * How export file names tell this template from others (…政务公开统计_2021格式_全年.xlsx);
   * the name when absent. Short: it sits in every file name an office collects.
   */
  fileLabel: z.string().min(1).max(20).optional(),
  sections: z.array(sectionSchema).min(1),
  rules: z.array(ruleSchema).default([]),
  /** Breakdown charts besides the categories' (those come from the indicators' `category` marks). */
  breakdowns: z.array(breakdownSchema).default([]),
});
export type Template = z.infer<typeof templateSchema>;
export type TemplateInput = z.input<typeof templateSchema>;
