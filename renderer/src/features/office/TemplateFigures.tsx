/**
 * Figures in a template's own layout: list sections as indicator rows with
 * one column per figure set, national tables as tables (each cell shows
 * every figure set, separated by a slash).
 */
import { Fragment } from 'react';
import { cellRef, findCell } from '../../../../shared/template/cells';
import type { Template } from '../../../../shared/template/schema';
import { figureText } from '../../../../shared/values/numberFormat';
import { t } from '../../i18n/catalog';

export interface FigureColumn {
  label: string;
  /** Display text of a cell (empty when there is no figure). */
  text(ref: string): string;
}

/** A figure of the template by its cell's precision (numberFormat.ts: amounts with all their places). */
export function cellFigureText(template: Template, figures: Record<string, number>, ref: string): string {
  return figureText(figures[ref], findCell(template, ref) ?? 'count');
}

export function TemplateFigures({ template, columns }: { template: Template; columns: FigureColumn[] }) {
  return (
    <div className="template-figures">
      {template.sections.map((s) =>
        s.kind === 'list' ? (
          <table key={s.code} className="simple-grid figures-list" data-section={s.code}>
            <caption>{s.title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('office.figures.indicator')}</th>
                <th scope="col">{t('office.figures.measure')}</th>
                {columns.map((c) => (
                  <th key={c.label} scope="col">
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {s.groups.map((g) => (
                <Fragment key={g.title}>
                  {s.groups.length > 1 && (
                    <tr className="group-row">
                      <th colSpan={2 + columns.length} scope="rowgroup">
                        {g.title}
                      </th>
                    </tr>
                  )}
                  {g.indicators.map((ind) => (
                    <tr key={ind.code} data-ref={ind.code}>
                      <th scope="row" style={{ paddingLeft: 4 + ind.level * 16 }}>
                        {ind.name}
                      </th>
                      <td>{ind.measure}</td>
                      {columns.map((c) => (
                        <td key={c.label} className="num">
                          {c.text(ind.code)}
                        </td>
                      ))}
                    </tr>
                  ))}
                </Fragment>
              ))}
            </tbody>
          </table>
        ) : (
          <table key={s.code} className="simple-grid figures-table" data-section={s.code}>
            <caption>
              {s.title}
              {columns.length > 1 && <span className="muted small">（{columns.map((c) => c.label).join(' / ')}）</span>}
            </caption>
            <thead>
              <tr>
                <th scope="col">{s.cornerLabel}</th>
                {s.columns.map((col) => (
                  <th key={col.code} scope="col">
                    {[col.group, col.subgroup, col.label].filter((h, i) => h && (i === 2 || h !== col.label)).join('·')}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {s.rows.map((row, i) => (
                <tr key={row.code ?? `label-${i}`} data-ref={row.code}>
                  <th scope="row" style={{ paddingLeft: 4 + row.level * 16 }} colSpan={row.code ? 1 : 1 + s.columns.length}>
                    {row.label}
                  </th>
                  {row.code &&
                    s.columns.map((col) => {
                      const ref = cellRef(row.code!, col.code);
                      return (
                        <td key={col.code} className="num" data-ref={ref}>
                          {columns.length === 1 ? columns[0].text(ref) : columns.map((c) => c.text(ref) || '—').join(' / ')}
                        </td>
                      );
                    })}
                </tr>
              ))}
            </tbody>
          </table>
        ),
      )}
    </div>
  );
}
