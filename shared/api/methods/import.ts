/**
 * Importing received workbooks at the office. A batch lives on the backend:
 * the UI adds files in chunks (progress, and it can stop between chunks),
 * gets the dry run, then applies the files a few at a time (progress, and
 * cancel between files), and finally reads the summary and the log.
 */
import { z } from 'zod';
import { allOfficeOnly, periodSchema, unitCodeSchema, unitNameSchema } from '../common';
import { type UNIT_KINDS } from '../../domain';
import type { WorkbookKind } from '../../workbook/format';
import type { ValueKind } from '../../template/schema';

/**
 * A workbook as bytes, never base64 inside JSON: over IPC a Uint8Array is
 * cloned as it is; over HTTP the call is sent as application/octet-stream
 * (server/binaryBody.ts: the call's JSON with each file's size, a newline,
 * then the files back to back).
 */
const fileSchema = z.strictObject({
  name: z.string().trim().min(1, '缺少文件名').max(255),
  /** The importer refuses anything over 50 MB anyway. */
  bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array, { message: '文件内容无效' }).refine((b) => b.length <= 50 * 1024 * 1024, '文件太大（超过50MB）'),
});

/** Findings of each kind a dry run's answer lists per file; the rest are counted and sent on request (import.findings). */
export const FINDINGS_SHOWN = 20;

const batchIdSchema = z.string().regex(/^[a-z0-9-]{6,40}$/, '导入批次编号无效');

/** The office's own work: a filer's data file never imports. */
export const importInputs = allOfficeOnly({
  'import.begin': z.strictObject({
    /** Tampered files: take the visible values instead of refusing them. */
    takeVisible: z.boolean().default(false),
    /** Refuse files whose period is not within this one. */
    period: periodSchema.optional(),
  }),
  'import.add': z.strictObject({
    batchId: batchIdSchema,
    files: z.array(fileSchema).min(1).max(200),
    /**
     * The place the first of these files takes in the batch. The page sends the
     * next chunk before the last is answered, so the backend always has one to
     * plan: a call that arrives ahead of its turn waits for the calls before it.
     */
    at: z.number().int().min(0).max(1_000_000).optional(),
  }),
  /**
   * The dry run of the whole batch. `omitSent`: leave out the plans import.add
   * already answered that are still the dry run (the page shows them as they
   * come in), listing only the files planned again since or never sent.
   */
  'import.plan': z.strictObject({ batchId: batchIdSchema, omitSent: z.boolean().default(false) }),
  /** Every finding of one file of the batch, when its plan listed only the first FINDINGS_SHOWN of a kind. */
  'import.findings': z.strictObject({ batchId: batchIdSchema, index: z.number().int().min(0) }),
  /** Applies the next `count` files not yet applied; the UI calls it until `remaining` is 0 (or the user cancels). */
  'import.apply': z.strictObject({ batchId: batchIdSchema, count: z.number().int().min(1).max(100).default(5) }),
  'import.discard': z.strictObject({ batchId: batchIdSchema }),
  /**
   * The office accepts files after checking them: a first-seen or changed key
   * (registered when the file is applied), or an unsigned file from a unit
   * with a key. By index, or every file showing 新密钥 (allNewKeys: the
   * counterpart of the CLI's --accept-new-keys). Answers the new dry run.
   */
  'import.accept': z
    .strictObject({ batchId: batchIdSchema, indexes: z.array(z.number().int().min(0).max(100_000)).max(100_000).default([]), allNewKeys: z.boolean().default(false) })
    .refine((v) => v.indexes.length > 0 || v.allNewKeys, { message: '请选择要接受的文件', path: ['indexes'] }),
  'import.log': z.strictObject({ limit: z.number().int().min(1).max(1000).default(200), offset: z.number().int().min(0).default(0) }),
  /** Adds units a file carries but the directory lacks (the dry run's unknownUnits). */
  'import.addUnits': z.strictObject({
    units: z
      .array(
        z.strictObject({
          code: unitCodeSchema,
          name: unitNameSchema,
          kind: z.string().max(20),
          /** The parent as the file says; when unknown here, fallbackParentCode (or the office's own unit). */
          parentCode: z.string().max(40),
        }),
      )
      .min(1)
      .max(1000),
    fallbackParentCode: unitCodeSchema.optional(),
  }),
});

export type FileStatus = 'new' | 'updated' | 'unchanged' | 'superseded' | 'rejected';

export type ImportProblemCode = string;

export interface FileProblem {
  code: ImportProblemCode;
  message: string;
  sheet?: string;
  cell?: string;
}

export interface FileDifference {
  sheet: string;
  cell: string;
  ref: string;
  label: string;
  month: number | null;
  data: number | null;
  visible: number | null;
  /** The cell's precision, so both figures print as the grid prints them (numberFormat.ts). */
  valueKind: ValueKind;
  decimals: number;
}

/**
 * How a file is sealed, as the office sees it. signed: by the key registered
 * for its unit (已签名); county: a bundle signed by the registered key of an
 * ancestor of every unit in it (经县区签名); new_key: signed by a key not yet
 * registered, never shown as verified (新密钥); key_changed: signed by another
 * key than the registered one (密钥变更); accepted: unsigned from a unit with a
 * key, accepted by the office (未签名，已接受); unsigned (未签名); invalid: the
 * signature does not verify (签名无效).
 */
export type SealState = 'signed' | 'county' | 'new_key' | 'key_changed' | 'accepted' | 'unsigned' | 'invalid';

export interface FileSeal {
  state: SealState;
  /** Code of the key the file is signed with (groupChars, 16 characters). */
  keyCode: string | null;
  /** Code of the key registered for the signing unit, when one is registered. */
  registeredKeyCode: string | null;
  /** The unit whose key signed the file (a bundle: the county). */
  signer: { code: string; name: string } | null;
  /** The office may accept this file: a new or changed key, or an unsigned file from a unit with a key. */
  acceptable: boolean;
  /** The office accepted it (import.accept); a key is registered when the file is applied. */
  accepted: boolean;
}

export interface FilePlan {
  index: number;
  name: string;
  sha256: string;
  size: number;
  status: FileStatus;
  kind: WorkbookKind | null;
  /** Where the values were read from. */
  source: 'data' | 'visible' | null;
  unitCode: string | null;
  unitName: string | null;
  templateId: string | null;
  templateName: string | null;
  period: string | null;
  periodLabel: string | null;
  revision: number | null;
  units: { code: string; name: string }[];
  changedValues: number;
  problems: FileProblem[];
  /** What to check that does not stop the file (figures for months after the current one). */
  warnings: FileProblem[];
  differences: FileDifference[];
  violations: { unitCode: string; unitName: string; severity: 'error' | 'warning'; message: string }[];
  unknownUnits: { code: string; name: string; kind: string; parentCode: string }[];
  /** null when the file could not be read far enough to tell. */
  seal: FileSeal | null;
  /**
   * How many problems, differences and rule findings the file has in all,
   * when the answer lists only the first FINDINGS_SHOWN of a kind
   * (import.plan, import.apply); import.findings sends them all.
   */
  findingCounts?: { problems: number; differences: number; violations: number };
  /** Set once applied: the import log entry. */
  importId?: number;
}

export interface BatchSummary {
  batchId: string;
  files: number;
  applied: number;
  counts: Record<FileStatus, number>;
}

export interface ImportLogRow {
  id: number;
  fileName: string;
  sha256: string;
  storedPath: string | null;
  importedAt: string;
  operator: string;
  outcome: 'applied' | 'unchanged' | 'superseded' | 'rejected';
  message: string;
  unitCode: string | null;
  /** The unit's name in the directory (null when it is not, or no longer, there). */
  unitName: string | null;
  period: string | null;
  /** The period as people write it: 2026年1月至3月. */
  periodLabel: string | null;
  revision: number | null;
  changedValues: number | null;
  /** How the file was sealed (null for entries logged before sealed submissions). */
  seal: SealState | null;
}

export const UNKNOWN_UNIT_KIND = '其他' satisfies (typeof UNIT_KINDS)[number];

export interface ImportOutputs {
  'import.begin': { batchId: string };
  /**
   * Files read; `refused` when the file could not be read at all. `plans`: the
   * dry run of these files as they were planned on arrival (after the files
   * before them), when that still holds at the end of the call; otherwise
   * empty, and import.plan makes them.
   */
  'import.add': { added: { index: number; name: string; refused: string | null }[]; total: number; plans: FilePlan[] };
  /** Every file's plan in order, or with omitSent only those import.add did not answer as they are now. */
  'import.plan': { files: FilePlan[]; summary: BatchSummary };
  'import.findings': Pick<FilePlan, 'problems' | 'differences' | 'violations'>;
  'import.apply': { applied: FilePlan[]; remaining: number; backup: string | null; summary: BatchSummary };
  'import.discard': { discarded: boolean };
  'import.accept': { files: FilePlan[]; summary: BatchSummary };
  'import.log': { entries: ImportLogRow[] };
  'import.addUnits': { added: { code: string; name: string; parentCode: string | null }[] };
}
