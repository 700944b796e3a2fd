/**
 * What can be wrong with an imported file, each with a stable code (for
 * tests, the log and the CLI's --json) and a Chinese message that says where.
 */
export type ProblemCode =
  | 'not_xlsx'
  | 'encrypted'
  | 'corrupt_zip'
  | 'too_large'
  | 'not_ledger_workbook'
  | 'newer_format'
  | 'unknown_template'
  | 'template_version'
  | 'blank_template'
  | 'bad_meta'
  | 'fingerprint_mismatch'
  /** The data sheet's signature does not verify (changed after it was signed), or is incomplete. */
  | 'bad_signature'
  /** Signed by a key the office registered for another unit. */
  | 'wrong_key'
  /** Signed by a key other than the one registered for its unit: offered for explicit acceptance. */
  | 'key_changed'
  /** Unsigned, from a unit with a registered key: refused unless the office accepts this very file. */
  | 'unsigned_from_keyed_unit'
  /** A bundle signed by a unit that is not an ancestor of every unit in it. */
  | 'not_ancestor'
  | 'tampered'
  | 'unknown_sheet_layout'
  | 'label_mismatch'
  | 'unknown_indicator'
  | 'duplicate_indicator'
  | 'bad_value'
  | 'formula'
  | 'unknown_unit'
  | 'period_out_of_range'
  | 'batch_conflict'
  | 'revision_conflict'
  | 'bundle_without_data'
  | 'summary_not_importable'
  | 'empty'
  /** Writing the file failed after its dry run passed; it was rolled back alone. */
  | 'apply_failed'
  /** A unit name with control characters (breaks XML outputs). */
  | 'bad_name'
  /** Named for import but a folder, device, pipe or socket: not read. */
  | 'not_regular_file'
  | 'empty_file'
  | 'unreadable'
  /** Read again from disk to be applied, the file was no longer the one its dry run read. */
  | 'changed_since_planned';

export interface ImportProblem {
  code: ProblemCode;
  message: string;
  sheet?: string;
  /** A1 address within sheet. */
  cell?: string;
}

/** Thrown while reading a file: the file is refused with this problem. */
export class ImportRefusal extends Error {
  constructor(readonly problem: ImportProblem) {
    super(problem.message);
  }
}

export function refuse(code: ProblemCode, message: string, sheet?: string, cell?: string): never {
  throw new ImportRefusal({ code, message, sheet, cell });
}

/** "台账!E12" as people write it. */
export const where = (p: Pick<ImportProblem, 'sheet' | 'cell'>): string => (p.sheet ? (p.cell ? `${p.sheet}!${p.cell}` : p.sheet) : '');
