/** Units: the list every page picks from, and an office's directory (名录): hierarchy, due days, import of a unit list. */
import { z } from 'zod';
import { UNIT_KINDS, type Unit } from '../../domain';
import { MAX_DUE_DAY } from '../../office/dueDate';
import { emptyInput, officeOnly, unitCodeSchema, unitNameSchema } from '../common';

export const dueDaySchema = z
  .number({ error: '报送截止日应为数字' })
  .int('报送截止日应为整数')
  .min(1, '报送截止日应在1到28日之间')
  .max(MAX_DUE_DAY, '报送截止日应在1到28日之间');

const kindSchema = z.enum(UNIT_KINDS, { error: `单位类型应为：${UNIT_KINDS.join('、')}` });

/** An .xlsx file sent by the UI; 10 MB of base64 is far more than any unit list. */
export const uploadSchema = z.strictObject({
  fileName: z.string().trim().min(1, '缺少文件名').max(255),
  base64: z.string().min(1, '文件是空的').max(14_000_000, '文件太大（超过10MB）'),
});

export const unitInputs = {
  'units.list': emptyInput,
  'units.tree': z.strictObject({ includeInactive: z.boolean().default(true) }),
  'units.create': officeOnly(
    z.strictObject({
      code: unitCodeSchema,
      name: unitNameSchema,
      kind: kindSchema,
      /** null or absent: a top-level unit. */
      parentCode: unitCodeSchema.nullable().optional(),
      dueDay: dueDaySchema.nullable().optional(),
    }),
  ),
  'units.update': officeOnly(
    z.strictObject({
      code: unitCodeSchema,
      newCode: unitCodeSchema.optional(),
      name: unitNameSchema.optional(),
      kind: kindSchema.optional(),
      /** Moves the unit; null makes it top-level. */
      parentCode: unitCodeSchema.nullable().optional(),
      /** null resets to the default (the 5th). */
      dueDay: dueDaySchema.nullable().optional(),
    }),
  ),
  'units.deactivate': officeOnly(z.strictObject({ code: unitCodeSchema })),
  'units.reactivate': officeOnly(z.strictObject({ code: unitCodeSchema })),
  /** Only for units that never had figures, submissions or sub-units. */
  'units.delete': officeOnly(z.strictObject({ code: unitCodeSchema })),
  'units.importPreview': officeOnly(uploadSchema),
  'units.importApply': officeOnly(
    uploadSchema.extend({
      /** Apply the valid rows even though some are rejected (they are left out). */
      skipRejected: z.boolean().default(false),
    }),
  ),
};

export interface DirectoryUnit extends Unit {
  parentCode: string | null;
  /** The unit's own due day, or null for the default. */
  dueDay: number | null;
  effectiveDueDay: number;
  /** Nesting depth in the tree (0 = top level). */
  depth: number;
  childCount: number;
  /** Has stored figures or submissions: can be deactivated but never deleted. */
  hasRecords: boolean;
  isSelf: boolean;
}

export type UnitImportStatus = 'new' | 'changed' | 'unchanged' | 'rejected';

export interface UnitImportRow {
  /** Row number in the sheet (1-based, as Excel shows it). */
  row: number;
  code: string;
  name: string;
  parentCode: string;
  kind: string;
  dueDay: number | null;
  status: UnitImportStatus;
  /** What would change, in Chinese (e.g. 名称：旧 → 新). */
  changes: string[];
  /** Why the row is rejected, in Chinese. */
  reasons: string[];
}

export interface UnitImportPreview {
  fileName: string;
  sheetName: string;
  headerRow: number;
  rows: UnitImportRow[];
  counts: Record<UnitImportStatus, number>;
}

export interface UnitImportResult {
  created: number;
  changed: number;
  unchanged: number;
  skipped: number;
}

export interface UnitOutputs {
  'units.list': Unit[];
  'units.tree': DirectoryUnit[];
  'units.create': DirectoryUnit;
  'units.update': DirectoryUnit;
  'units.deactivate': DirectoryUnit;
  'units.reactivate': DirectoryUnit;
  'units.delete': { deleted: string };
  'units.importPreview': UnitImportPreview;
  'units.importApply': UnitImportResult;
}
