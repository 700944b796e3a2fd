/**
 * Workbooks received at the office, one row per unit, template, month and
 * revision. The newest revision is `current`; older ones stay for the record.
 * The importer calls recordSubmission inside the same transaction that writes
 * the file's values, so a submission is never recorded without its figures.
 */
import type Database from 'better-sqlite3';
import type { ReceivedExplanation } from '../../../shared/api/methods/office';
import type { MonthContent } from '../../../shared/office/submissionStatus';
import { prepared } from './prepared';

export interface Submission {
  id: number;
  unitId: number;
  templateId: string;
  year: number;
  month: number;
  revision: number;
  fingerprint: string;
  receivedAt: string;
  importId: number | null;
  /** This revision replaced an earlier, different one (已更正). */
  corrected: boolean;
  previousRevision: number | null;
  /** The filer marked the month complete before exporting (已完成). */
  completed: boolean;
  current: boolean;
  /** What the workbook held for the month: figures, a 本月无数据 declaration, or nothing. */
  content: MonthContent;
  /** When the workbook was exported (ISO); null when it does not say (a hand-filled file). */
  madeAt: string | null;
  /** The unit's explanations of the warnings it accepted for the month. */
  explanations: ReceivedExplanation[];
  /** How the month's file was sealed (migration 009): signed | county | new_key | accepted | unsigned. */
  seal: string;
}

/** Signed by the unit's registered key, or a bundle's by its county's: these outrank anything unverified. */
const verified = (seal: string | undefined) => seal === 'signed' || seal === 'county';

export interface SubmissionInput {
  unitId: number;
  templateId: string;
  year: number;
  month: number;
  /** The workbook's export revision (0 for hand-filled files without one). */
  revision: number;
  /** Hash of the month's figures, so the same content is recognised whatever the file. */
  fingerprint: string;
  importId?: number | null;
  completed?: boolean;
  /** Default: figures. */
  content?: MonthContent;
  madeAt?: string | null;
  explanations?: ReceivedExplanation[];
  receivedAt?: string;
  /** Replace a different file carrying the same revision (the user chose to); otherwise that is a conflict. */
  force?: boolean;
  /** How the file was sealed; default unsigned. A verified month is never replaced by an unverified one, and replaces one whatever its revision. */
  seal?: string;
}

/**
 * new: first submission of that unit and month. corrected: a newer (or forced)
 * revision with different figures replaced the stored one. unchanged: same
 * figures (a newer revision of the same figures only refreshes the record).
 * superseded: older than what is stored; nothing written. conflict: same
 * revision, different figures, not forced; nothing written.
 */
export type SubmissionOutcome = 'new' | 'corrected' | 'unchanged' | 'superseded' | 'conflict';

interface Row {
  id: number;
  unit_id: number;
  template_id: string;
  year: number;
  month: number;
  revision: number;
  fingerprint: string;
  received_at: string;
  import_id: number | null;
  corrected: number;
  previous_revision: number | null;
  completed: number;
  current: number;
  content: MonthContent;
  made_at: string | null;
  explanations: string;
  seal: string;
}

const toSubmission = (r: Row): Submission => ({
  id: r.id,
  unitId: r.unit_id,
  templateId: r.template_id,
  year: r.year,
  month: r.month,
  revision: r.revision,
  fingerprint: r.fingerprint,
  receivedAt: r.received_at,
  importId: r.import_id,
  corrected: r.corrected === 1,
  previousRevision: r.previous_revision,
  completed: r.completed === 1,
  current: r.current === 1,
  content: r.content,
  madeAt: r.made_at,
  explanations: JSON.parse(r.explanations) as ReceivedExplanation[],
  seal: r.seal,
});

export function currentSubmission(db: Database.Database, unitId: number, templateId: string, year: number, month: number): Submission | undefined {
  const r = prepared(db, 'SELECT * FROM submissions WHERE unit_id = ? AND template_id = ? AND year = ? AND month = ? AND current = 1')
    .get(unitId, templateId, year, month) as Row | undefined;
  return r && toSubmission(r);
}

function insert(db: Database.Database, s: SubmissionInput, corrected: boolean, previousRevision: number | null): Submission {
  const receivedAt = s.receivedAt ?? new Date().toISOString();
  const info = prepared(
      db,
      `INSERT INTO submissions (unit_id, template_id, year, month, revision, fingerprint, received_at, import_id, corrected, previous_revision, completed, current,
         content, made_at, explanations, seal)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)`,
    )
    .run(
      s.unitId,
      s.templateId,
      s.year,
      s.month,
      s.revision,
      s.fingerprint,
      receivedAt,
      s.importId ?? null,
      corrected ? 1 : 0,
      previousRevision,
      s.completed ? 1 : 0,
      s.content ?? 'figures',
      s.madeAt ?? null,
      JSON.stringify(s.explanations ?? []),
      s.seal ?? 'unsigned',
    );
  return {
    id: Number(info.lastInsertRowid),
    unitId: s.unitId,
    templateId: s.templateId,
    year: s.year,
    month: s.month,
    revision: s.revision,
    fingerprint: s.fingerprint,
    receivedAt,
    importId: s.importId ?? null,
    corrected,
    previousRevision,
    completed: s.completed ?? false,
    current: true,
    content: s.content ?? 'figures',
    madeAt: s.madeAt ?? null,
    explanations: s.explanations ?? [],
    seal: s.seal ?? 'unsigned',
  };
}

/** Records a received month; see SubmissionOutcome. Runs in (or as) a transaction. */
export function recordSubmission(db: Database.Database, s: SubmissionInput): { outcome: SubmissionOutcome; current: Submission } {
  // Inside an import's transaction already (6,000 calls for a city): no savepoint of its own.
  const run = (body: () => { outcome: SubmissionOutcome; current: Submission }) => (db.inTransaction ? body() : db.transaction(body).immediate());
  return run(() => {
    const cur = currentSubmission(db, s.unitId, s.templateId, s.year, s.month);
    if (!cur) return { outcome: 'new' as const, current: insert(db, s, false, null) };
    const outranks = verified(s.seal) && !verified(cur.seal);
    if (!verified(s.seal) && verified(cur.seal)) return { outcome: 'superseded' as const, current: cur };
    if (!outranks && s.revision < cur.revision) return { outcome: 'superseded' as const, current: cur };
    const content = s.content ?? 'figures';
    if (s.fingerprint === cur.fingerprint) {
      // The same figures, newer, verified now, or now completed, declared or explained: the record follows the newest workbook.
      const explanations = JSON.stringify(s.explanations ?? []);
      if (
        outranks ||
        s.revision > cur.revision ||
        (s.completed ?? false) !== cur.completed ||
        content !== cur.content ||
        explanations !== JSON.stringify(cur.explanations)
      ) {
        prepared(
          db,
          'UPDATE submissions SET revision = ?, received_at = ?, import_id = ?, completed = ?, content = ?, made_at = ?, explanations = ?, seal = ? WHERE id = ?',
        ).run(
          s.revision,
          s.receivedAt ?? new Date().toISOString(),
          s.importId ?? cur.importId,
          s.completed ? 1 : 0,
          content,
          s.madeAt ?? null,
          explanations,
          outranks ? s.seal! : cur.seal,
          cur.id,
        );
      }
      return { outcome: 'unchanged' as const, current: currentSubmission(db, s.unitId, s.templateId, s.year, s.month)! };
    }
    if (!outranks && s.revision === cur.revision && !s.force) return { outcome: 'conflict' as const, current: cur };
    prepared(db, 'UPDATE submissions SET current = 0 WHERE id = ?').run(cur.id);
    // Figures arriving for a month an earlier workbook held nothing for are its first report, not a correction.
    return { outcome: 'corrected' as const, current: insert(db, s, cur.content !== 'empty', cur.revision) };
  });
}

/** The current submission of every unit and month of a year (optionally only some units). */
export function currentSubmissions(db: Database.Database, templateId: string, year: number, unitIds?: number[]): Submission[] {
  const rows = unitIds
    ? prepared(db, 'SELECT * FROM submissions WHERE template_id = ? AND year = ? AND current = 1 AND unit_id IN (SELECT value FROM json_each(?)) ORDER BY unit_id, month')
        .all(templateId, year, JSON.stringify(unitIds))
    : prepared(db, 'SELECT * FROM submissions WHERE template_id = ? AND year = ? AND current = 1 ORDER BY unit_id, month').all(templateId, year);
  return (rows as Row[]).map(toSubmission);
}

/** Every revision received for one unit and month, newest first. */
export function submissionHistory(db: Database.Database, unitId: number, templateId: string, year: number, month: number): Submission[] {
  return (
    prepared(db, 'SELECT * FROM submissions WHERE unit_id = ? AND template_id = ? AND year = ? AND month = ? ORDER BY id DESC')
      .all(unitId, templateId, year, month) as Row[]
  ).map(toSubmission);
}

export function unitHasSubmissions(db: Database.Database, unitId: number): boolean {
  return prepared(db, 'SELECT 1 FROM submissions WHERE unit_id = ? LIMIT 1').get(unitId) !== undefined;
}
