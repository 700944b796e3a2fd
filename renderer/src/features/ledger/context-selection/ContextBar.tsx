/** What is being entered: the year, the section (or all list sections), and for tables the period. */
import type { ReactNode } from 'react';
import type { TemplateSummary } from '../../../../../shared/api/methods/templates';
import type { Template } from '../../../../../shared/template/schema';
import { MONTHS } from '../../../../../shared/values/period';
import { YearInput } from '../../../components/YearInput';
import { t } from '../../../i18n/catalog';
import type { Period } from '../shared/grid/layout';

export const ALL_LISTS = '*';

interface Props {
  template: Template;
  templates: TemplateSummary[];
  onTemplate(id: string): void;
  year: number;
  section: string;
  period: Period;
  onYear(y: number): void;
  onSection(code: string): void;
  onPeriod(p: Period): void;
  /** Page actions at the end of the bar (打印). */
  actions?: ReactNode;
}

export function ContextBar({ template, templates, onTemplate, year, section, period, onYear, onSection, onPeriod, actions }: Props) {
  const isTable = template.sections.find((s) => s.code === section)?.kind === 'table';
  const hasLists = template.sections.some((s) => s.kind === 'list');
  return (
    <div className="toolbar">
      <h1>{t('ledger.title')}</h1>
      {/* The template's name once: as text, or as the choice when there is one to make. */}
      {templates.length > 1 ? (
        <label>
          {t('common.template')}
          <select value={template.id} aria-label={t('common.template')} onChange={(e) => onTemplate(e.target.value)}>
            {templates.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <span className="muted" data-testid="template-name">
          {t('ledger.templateInUse', { name: template.name })}
        </span>
      )}
      <YearInput year={year} onChange={onYear} label={t('ledger.pickYear')} />
      <label>
        {t('ledger.pickSection')}
        <select value={section} onChange={(e) => onSection(e.target.value)} aria-label={t('ledger.pickSection')}>
          {hasLists && <option value={ALL_LISTS}>{t('ledger.allLists')}</option>}
          {template.sections.map((s) => (
            <option key={s.code} value={s.code}>
              {s.title}
            </option>
          ))}
        </select>
      </label>
      {isTable && (
        <label>
          {t('ledger.pickPeriod')}
          <select
            value={String(period)}
            aria-label={t('ledger.pickPeriod')}
            onChange={(e) => onPeriod(e.target.value === 'year' ? 'year' : Number(e.target.value))}
          >
            {MONTHS.map((m) => (
              <option key={m} value={m}>
                {t('common.monthN', { n: m })}
              </option>
            ))}
            <option value="year">{t('common.yearTotal')}</option>
          </select>
        </label>
      )}
      {actions}
    </div>
  );
}
