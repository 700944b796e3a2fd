/**
 * Compares a unit list with the directory, row by row: new, changed,
 * unchanged, or rejected with every reason in Chinese. Pure, so the preview
 * and the apply step always agree.
 */
import { unitCodeSchema, unitNameSchema } from '../../../shared/api/common';
import type { UnitImportRow, UnitImportStatus } from '../../../shared/api/methods/units';
import { UNIT_KINDS, type UnitKind } from '../../../shared/domain';
import { MAX_DUE_DAY } from '../../../shared/office/dueDate';
import { parseUnitKind } from './unitKinds';
import type { UnitList } from './unitListXlsx';

export interface ExistingUnit {
  code: string;
  name: string;
  kind: UnitKind;
  parentCode: string | null;
  dueDay: number | null;
  active: boolean;
}

export interface PlannedRow extends UnitImportRow {
  parsedKind?: UnitKind;
}

function firstIssue(r: { success: boolean; error?: { issues: { message: string }[] } }): string | undefined {
  return r.success ? undefined : r.error?.issues[0]?.message;
}

export function planUnitList(list: UnitList, existing: ExistingUnit[]): PlannedRow[] {
  const byCode = new Map(existing.map((u) => [u.code, u]));
  const rowsByCode = new Map<string, number[]>();
  for (const r of list.rows) if (r.code) rowsByCode.set(r.code, [...(rowsByCode.get(r.code) ?? []), r.row]);

  const planned: PlannedRow[] = list.rows.map((r) => {
    const reasons: string[] = [];
    const code = r.code;
    if (!code) reasons.push('缺少单位代码');
    else {
      const bad = firstIssue(unitCodeSchema.safeParse(code));
      if (bad) reasons.push(`单位代码“${code}”无效：${bad}`);
      const others = (rowsByCode.get(code) ?? []).filter((n) => n !== r.row);
      if (others.length > 0) reasons.push(`单位代码 ${code} 重复（又见第${others.join('、')}行）`);
    }
    if (!r.name) reasons.push('缺少单位名称');
    else {
      const bad = firstIssue(unitNameSchema.safeParse(r.name));
      if (bad) reasons.push(bad);
    }
    let parsedKind: UnitKind | undefined;
    if (!r.kind) reasons.push(`缺少单位类型（可用：${UNIT_KINDS.join('、')}）`);
    else {
      parsedKind = parseUnitKind(r.kind);
      if (!parsedKind) reasons.push(`单位类型“${r.kind}”无法识别（可用：${UNIT_KINDS.join('、')}）`);
    }
    if (r.parentCode) {
      if (r.parentCode === code) reasons.push('上级代码不能是本单位自己');
      else if (!byCode.has(r.parentCode) && !rowsByCode.has(r.parentCode)) reasons.push(`上级代码 ${r.parentCode} 既不在单位名录中，也不在本表中`);
      else if (byCode.get(r.parentCode)?.active === false) reasons.push(`上级单位 ${r.parentCode}（${byCode.get(r.parentCode)!.name}）已停用`);
    }
    let dueDay: number | null = null;
    if (r.dueDay) {
      const n = Number(r.dueDay);
      if (!Number.isInteger(n) || n < 1 || n > MAX_DUE_DAY) reasons.push(`报送截止日“${r.dueDay}”应为1到${MAX_DUE_DAY}之间的整数`);
      else dueDay = n;
    }
    return { row: r.row, code, name: r.name, parentCode: r.parentCode, kind: parsedKind ?? r.kind, dueDay, status: 'new', changes: [], reasons, parsedKind };
  });

  rejectCycles(planned, byCode);
  rejectOrphans(planned, byCode);

  for (const p of planned) {
    if (p.reasons.length > 0) {
      p.status = 'rejected';
      continue;
    }
    const cur = byCode.get(p.code);
    if (!cur) continue;
    const changes: string[] = [];
    if (cur.name !== p.name) changes.push(`名称：${cur.name} → ${p.name}`);
    if (cur.kind !== p.parsedKind) changes.push(`类型：${cur.kind} → ${p.parsedKind}`);
    if ((cur.parentCode ?? '') !== p.parentCode) changes.push(`上级：${cur.parentCode ?? '（无）'} → ${p.parentCode || '（无）'}`);
    // A list without a due-day column leaves due days alone.
    if (list.hasDueDay && cur.dueDay !== p.dueDay) changes.push(`截止日：${cur.dueDay ?? '默认'} → ${p.dueDay ?? '默认'}`);
    p.changes = changes;
    p.status = changes.length > 0 ? 'changed' : 'unchanged';
  }
  return planned;
}

/** Parent links after the import: the file's rows override the directory. */
function rejectCycles(planned: PlannedRow[], byCode: Map<string, ExistingUnit>) {
  const parentOf = new Map<string, string | null>();
  for (const [code, u] of byCode) parentOf.set(code, u.parentCode);
  for (const p of planned) if (p.code && p.reasons.length === 0) parentOf.set(p.code, p.parentCode || null);
  for (const p of planned) {
    if (!p.code || p.reasons.length > 0) continue;
    const chain = [p.code];
    let cur = parentOf.get(p.code) ?? null;
    while (cur !== null && !chain.includes(cur)) {
      chain.push(cur);
      cur = parentOf.get(cur) ?? null;
    }
    if (cur === p.code) p.reasons.push(`上级关系形成循环：${[...chain, cur].join(' → ')}`);
  }
}

/** A row whose parent exists only as a rejected row cannot be placed either. */
function rejectOrphans(planned: PlannedRow[], byCode: Map<string, ExistingUnit>) {
  let changed = true;
  while (changed) {
    changed = false;
    const rejected = new Map<string, number>();
    for (const p of planned) if (p.code && p.reasons.length > 0 && !rejected.has(p.code)) rejected.set(p.code, p.row);
    for (const p of planned) {
      if (p.reasons.length > 0 || !p.parentCode || byCode.has(p.parentCode)) continue;
      const row = rejected.get(p.parentCode);
      if (row !== undefined) {
        p.reasons.push(`上级单位 ${p.parentCode}（第${row}行）有误，本行无法导入`);
        changed = true;
      }
    }
  }
}

export function countStatuses(rows: UnitImportRow[]): Record<UnitImportStatus, number> {
  const counts: Record<UnitImportStatus, number> = { new: 0, changed: 0, unchanged: 0, rejected: 0 };
  for (const r of rows) counts[r.status]++;
  return counts;
}
