/**
 * The submission matrix: for every active unit below a root, the status of
 * each month of a year, from the submissions received and each unit's due day.
 */
import type Database from 'better-sqlite3';
import type { MatrixCell, MatrixRow, SubmissionMatrix } from '../../../shared/api/methods/office';
import type { Unit } from '../../../shared/domain';
import { dueDate, effectiveDueDay, localIsoDate } from '../../../shared/office/dueDate';
import { monthVerdict, REPORTED, type ReceivedMonth } from '../../../shared/office/submissionStatus';
import { MONTHS } from '../../../shared/values/period';
import { directoryUnits } from '../store/directory';
import { currentSubmissions, type Submission } from '../store/submissions';

/** A received month as the status rule reads it; made on: the export's local date, else the day it was received. */
function received(sub: Submission): ReceivedMonth {
  const made = sub.madeAt !== null && Number.isFinite(Date.parse(sub.madeAt)) ? sub.madeAt : sub.receivedAt;
  return { content: sub.content, completed: sub.completed, corrected: sub.corrected, madeOn: localIsoDate(new Date(made)) };
}

export function submissionMatrix(db: Database.Database, root: Unit, templateId: string, year: number, today: string): SubmissionMatrix {
  const all = directoryUnits(db, null);
  const rootEntry = all.find((u) => u.id === root.id)!;
  // directoryUnits lists parents before children: the root's subtree is the run after it that is deeper.
  const start = all.indexOf(rootEntry);
  const below = [];
  for (let i = start + 1; i < all.length && all[i].depth > rootEntry.depth; i++) below.push(all[i]);
  const units = below.filter((u) => u.active);

  const subs = new Map<string, Submission>();
  for (const s of currentSubmissions(db, templateId, year, units.map((u) => u.id))) subs.set(`${s.unitId}|${s.month}`, s);

  const rows: MatrixRow[] = units.map((u) => {
    const dueDay = effectiveDueDay(u.dueDay);
    const cells: MatrixCell[] = MONTHS.map((m) => {
      const sub = subs.get(`${u.id}|${m}`);
      const verdict = monthVerdict(sub && received(sub), year, m, dueDay, today);
      return {
        month: m,
        status: verdict.status,
        dueDate: dueDate(year, m, dueDay),
        revision: sub?.revision ?? null,
        receivedAt: sub?.receivedAt ?? null,
        notCounted: verdict.notCounted,
        explanations: sub?.explanations ?? [],
        seal: (sub?.seal as MatrixCell['seal'] | undefined) ?? null,
      };
    });
    return { code: u.code, name: u.name, kind: u.kind, depth: u.depth - rootEntry.depth, dueDay, cells };
  });

  const months = MONTHS.map((m) => ({
    month: m,
    received: rows.filter((r) => REPORTED.has(r.cells[m - 1].status)).length,
    expected: rows.length,
  }));
  return { templateId, year, today, root: { code: root.code, name: root.name, kind: root.kind }, rows, months };
}
