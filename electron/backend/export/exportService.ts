/**
 * One export: checks the unit is complete, reads its values, draws the
 * breakdown picture, writes the workbook, and numbers it: each export of the
 * same unit, template and period gets the next revision (export_log).
 */
import type { WorkbookKind } from '../../../shared/workbook/format';
import { exportFileName, exportPeriodLabel, templateFileLabel } from '../../../shared/workbook/format';
import { formatPeriodKey, type Period } from '../../../shared/values/period';
import { fail } from '../failure';
import { breakdownPng } from '../charts/breakdown';
import { resolveTemplate, resolveUnit, ruleAudience, type BackendContext } from '../context';
import { nextRevision, recordExport } from '../store/exportLog';
import { getSetting } from '../store/settings';
import { collectContent, toWorkbookUnit } from './collect';
import { visibleFigures } from '../workbook/figures';
import { localIsoDate } from '../../../shared/office/dueDate';
import { periodCheck } from './periodCheck';
import { fileSigner } from '../workbook/fileKey';

export interface ExportRequest {
  templateId: string;
  period: Period;
  unitCode?: string;
  kind: WorkbookKind;
}

export interface PreparedExport {
  fileName: string;
  buffer: Buffer;
  revision: number;
  fingerprint: string;
  empty: boolean;
  notice: string | null;
  /** Records the export in export_log (call once the file is delivered or written). */
  record(): void;
}

const KIND_SUFFIX: Record<WorkbookKind, string> = { submission: '', bundle: '_汇总', blank: '_空白模板', summary: '_汇总表' };

export async function prepareExport(ctx: BackendContext, req: ExportRequest): Promise<PreparedExport> {
  const template = resolveTemplate(ctx, req.templateId);
  const unit = resolveUnit(ctx, req.unitCode);
  if (unit.name.trim() === '' || unit.code.trim() === '') {
    fail('not_setup', '本单位的名称或代码未填写，请先在“设置”中补全本单位信息后再导出', 'unit');
  }
  const db = ctx.store.db;
  const periodKey = formatPeriodKey(req.period);
  const { units, values, monthStates } = collectContent(db, unit, req.kind, template.id, req.period);
  // A bundle's units each have their own state, shown at the office; the cover speaks for one unit's submission.
  const check = req.kind === 'submission' ? periodCheck(db, template, unit.id, req.period, localIsoDate(new Date()), { audience: ruleAudience(ctx), unitKind: unit.kind }) : null;
  const revision = req.kind === 'blank' ? 0 : nextRevision(db, unit.id, template.id, periodKey);
  const wbUnit = toWorkbookUnit(db, unit);

  const chart =
    req.kind === 'blank'
      ? null
      : // The picture the charts page draws for the same unit and period (a bundle: with its subtree).
        await breakdownPng(template, visibleFigures(template, req.period, values).period, { unitName: unit.name, subtree: req.kind === 'bundle', unitCount: units.length }, req.period);

  // exceljs is loaded on first export, not when the backend starts (start-up, docs/import.md).
  const { writeWorkbookBuffer } = await import('./buildWorkbook');
  const out = await writeWorkbookBuffer({
    kind: req.kind,
    template,
    period: req.period,
    unit: wbUnit,
    units,
    values,
    monthStates,
    ...(check ? { checkLine: check.summary } : {}),
    revision,
    exportedAt: new Date().toISOString(),
    appVersion: ctx.appVersion,
    signer: fileSigner(db),
    contact: { person: getSetting(db, 'contact.person') ?? '', phone: getSetting(db, 'contact.phone') ?? '' },
    ...(chart ? { chart } : {}),
  });
  const fileName = exportFileName(req.period.year, unit.name, templateFileLabel(template), `${exportPeriodLabel(req.period)}${KIND_SUFFIX[req.kind]}`);
  return {
    fileName,
    buffer: out.buffer,
    revision,
    fingerprint: out.fingerprint,
    empty: out.empty,
    notice: out.notice,
    record() {
      if (req.kind === 'blank') return;
      recordExport(db, {
        unitId: unit.id,
        templateId: template.id,
        periodKey,
        kind: req.kind,
        revision,
        fingerprint: out.fingerprint,
        exportedAt: new Date().toISOString(),
        fileName,
      });
    },
  };
}
