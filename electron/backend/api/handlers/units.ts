/** Units: the list every page picks from, and the office's directory (名录). */
import type { DirectoryUnit, UnitImportPreview } from '../../../../shared/api/methods/units';
import type { Unit } from '../../../../shared/domain';
import { selfUnit, type BackendContext } from '../../context';
import { planUnitList, countStatuses, type PlannedRow } from '../../directory/unitListPlan';
import { readUnitList } from '../../directory/unitListXlsx';
import { activeChildCount, ancestorIds, deleteUnitRow, directoryUnits, setDueDay, unitHasAnyRecord } from '../../store/directory';
import { findUnitByCode, insertUnit, listUnits, updateUnit } from '../../store/units';
import { fail } from '../../failure';
import type { HandlerMap } from '../types';

function tree(ctx: BackendContext): DirectoryUnit[] {
  return directoryUnits(ctx.store.db, selfUnit(ctx)?.id ?? null);
}

function entry(ctx: BackendContext, code: string): DirectoryUnit {
  return tree(ctx).find((u) => u.code === code)!;
}

function unitOf(ctx: BackendContext, code: string, field = 'code'): Unit {
  return findUnitByCode(ctx.store.db, code) ?? fail('not_found', `单位代码 ${code} 不在单位名录中`, field);
}

function activeParent(ctx: BackendContext, parentCode: string): Unit {
  const parent = unitOf(ctx, parentCode, 'parentCode');
  if (!parent.active) fail('invalid_value', `上级单位“${parent.name}”（${parent.code}）已停用，不能在其下添加或移入单位`, 'parentCode');
  return parent;
}

async function plan(ctx: BackendContext, fileName: string, base64: string) {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length === 0) fail('invalid_value', `文件“${fileName}”是空的`, fileName);
  const list = await readUnitList(bytes, fileName);
  const rows = planUnitList(list, tree(ctx));
  return { list, rows };
}

const publicRow = ({ parsedKind: _k, ...row }: PlannedRow) => row;

export const unitHandlers: HandlerMap<
  | 'units.list'
  | 'units.tree'
  | 'units.create'
  | 'units.update'
  | 'units.deactivate'
  | 'units.reactivate'
  | 'units.delete'
  | 'units.importPreview'
  | 'units.importApply'
> = {
  'units.list': (ctx) => listUnits(ctx.store.db),

  'units.tree': (ctx, { includeInactive }) => tree(ctx).filter((u) => includeInactive || u.active),

  'units.create': (ctx, input) => {
    const db = ctx.store.db;
    const existing = findUnitByCode(db, input.code);
    if (existing) fail('conflict', `单位代码 ${input.code} 已被“${existing.name}”使用`, 'code');
    const parent = input.parentCode ? activeParent(ctx, input.parentCode) : null;
    db.transaction(() => {
      const unit = insertUnit(db, { code: input.code, name: input.name, kind: input.kind, parentId: parent?.id ?? null });
      if (input.dueDay !== undefined) setDueDay(db, unit.id, input.dueDay);
    }).immediate();
    return entry(ctx, input.code);
  },

  'units.update': (ctx, input) => {
    const db = ctx.store.db;
    const unit = unitOf(ctx, input.code);
    if (input.newCode !== undefined && input.newCode !== unit.code) {
      const clash = findUnitByCode(db, input.newCode);
      if (clash) fail('conflict', `单位代码 ${input.newCode} 已被“${clash.name}”使用`, 'newCode');
    }
    let parentId: number | null | undefined;
    if (input.parentCode === null) parentId = null;
    else if (input.parentCode !== undefined) {
      const parent = unitOf(ctx, input.parentCode, 'parentCode');
      if (parent.id !== unit.parentId) {
        if (parent.id === unit.id) fail('invalid_value', `不能把“${unit.name}”设为它自己的上级`, 'parentCode');
        // Staying under a deactivated parent is fine; moving under one is not.
        activeParent(ctx, input.parentCode);
        if (ancestorIds(db, parent.id).includes(unit.id)) {
          fail('invalid_value', `不能把“${unit.name}”移到它自己的下级单位“${parent.name}”之下（会形成循环）`, 'parentCode');
        }
      }
      parentId = parent.id;
    }
    db.transaction(() => {
      updateUnit(db, unit.id, { code: input.newCode, name: input.name, kind: input.kind, parentId });
      if (input.dueDay !== undefined) setDueDay(db, unit.id, input.dueDay);
    }).immediate();
    return entry(ctx, input.newCode ?? unit.code);
  },

  'units.deactivate': (ctx, { code }) => {
    const db = ctx.store.db;
    const unit = unitOf(ctx, code);
    if (selfUnit(ctx)?.id === unit.id) fail('invalid_value', `“${unit.name}”是本数据文件的单位，不能停用`, 'code');
    const n = activeChildCount(db, unit.id);
    if (n > 0) fail('invalid_value', `“${unit.name}”下还有${n}个在用的下级单位，请先停用或移走它们`, 'code');
    if (unit.active) updateUnit(db, unit.id, { active: false });
    return entry(ctx, code);
  },

  'units.reactivate': (ctx, { code }) => {
    const db = ctx.store.db;
    const unit = unitOf(ctx, code);
    const parent = unit.parentId === null ? undefined : tree(ctx).find((u) => u.id === unit.parentId);
    if (parent && !parent.active) fail('invalid_value', `上级单位“${parent.name}”已停用，请先启用上级单位`, 'code');
    if (!unit.active) updateUnit(db, unit.id, { active: true });
    return entry(ctx, code);
  },

  'units.delete': (ctx, { code }) => {
    const db = ctx.store.db;
    const unit = unitOf(ctx, code);
    if (selfUnit(ctx)?.id === unit.id) fail('invalid_value', `“${unit.name}”是本数据文件的单位，不能删除`, 'code');
    if (unitHasAnyRecord(db, unit.id)) {
      fail('conflict', `“${unit.name}”已有报送数据、修改记录或下级单位，只能停用，不能删除`, 'code');
    }
    deleteUnitRow(db, unit.id);
    return { deleted: code };
  },

  'units.importPreview': async (ctx, { fileName, base64 }): Promise<UnitImportPreview> => {
    const { list, rows } = await plan(ctx, fileName, base64);
    return { fileName, sheetName: list.sheetName, headerRow: list.headerRow, rows: rows.map(publicRow), counts: countStatuses(rows) };
  },

  'units.importApply': async (ctx, { fileName, base64, skipRejected }) => {
    const { list, rows } = await plan(ctx, fileName, base64);
    const rejected = rows.filter((r) => r.status === 'rejected');
    if (rejected.length > 0 && !skipRejected) {
      const first = rejected
        .slice(0, 3)
        .map((r) => `第${r.row}行：${r.reasons.join('；')}`)
        .join('；');
      fail('invalid_value', `文件“${fileName}”有${rejected.length}行不能导入，名录未作任何改动。${first}`, `${fileName}!${list.sheetName}!${rejected[0].row}`, {
        rows: rejected.map(publicRow),
      });
    }
    const db = ctx.store.db;
    const todo = rows.filter((r) => r.status === 'new' || r.status === 'changed');
    db.transaction(() => {
      // Create first, then link parents: a row may name a parent further down the list.
      for (const r of todo) if (r.status === 'new') insertUnit(db, { code: r.code, name: r.name, kind: r.parsedKind! });
      for (const r of todo) {
        const unit = findUnitByCode(db, r.code)!;
        const parentId = r.parentCode ? findUnitByCode(db, r.parentCode)!.id : null;
        updateUnit(db, unit.id, { name: r.name, kind: r.parsedKind!, parentId });
        if (list.hasDueDay || r.status === 'new') setDueDay(db, unit.id, r.dueDay);
      }
    }).immediate();
    const counts = countStatuses(rows);
    return { created: counts.new, changed: counts.changed, unchanged: counts.unchanged, skipped: counts.rejected };
  },
};
