/**
 * The draft of a unit (or its level) and a year: one query for the year's
 * figures (each unit rolled up, then summed) feeds both text and tables.
 */
import type { UnitScope } from '../../../shared/domain';
import type { ReportDraft } from '../../../shared/report/model';
import { buildDraft } from '../../../shared/report/draft';
import { settingsOf } from '../appSettings';
import { fail } from '../failure';
import { resolveTemplate, resolveUnit, ruleAudience, type BackendContext } from '../context';
import { levelPeriodFigures, subtreeUnitIds } from '../store/aggregate';

export interface DraftTarget {
  templateId?: string;
  year: number;
  scope: UnitScope;
}

export function loadDraft(ctx: BackendContext, target: DraftTarget): ReportDraft {
  const template = resolveTemplate(ctx, target.templateId ?? settingsOf(ctx).defaultTemplateId);
  const unit = resolveUnit(ctx, target.scope.unitCode);
  const level = target.scope.subtree;
  const db = ctx.store.db;
  const ids = level ? subtreeUnitIds(db, unit.id) : [unit.id];
  // Units still on a template sharing this one's cells (the national tables) count too.
  const family = ctx.templates.family(template.id);
  const figures = levelPeriodFigures(db, template, ids, target.year, 1, 12, family);
  if (figures.size === 0) {
    const scope = level ? `${unit.name}（${unit.code}）及其下级单位` : `${unit.name}（${unit.code}）`;
    fail('not_found', `${scope}在${target.year}年没有“${template.name}”的数据，无法生成年报草稿`, 'year');
  }
  return buildDraft({
    template,
    unit,
    level,
    year: target.year,
    figures,
    previous: levelPeriodFigures(db, template, ids, target.year - 1, 1, 12, family),
    audience: ruleAudience(ctx),
  });
}

/** A file name Windows, macOS and Linux all accept; it says what the title does not: a draft, and its scope. */
export function draftFileName(draft: ReportDraft): string {
  const name = `${draft.title}（${draft.level ? '含下级单位，' : ''}草稿）`;
  return `${name.replace(/[\\/:*?"<>|]/g, '_')}.docx`;
}
