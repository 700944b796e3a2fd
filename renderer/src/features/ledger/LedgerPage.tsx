/**
 * The first slice of data entry: the template's list sections for a year,
 * one input per month, saved as soon as a value is committed.
 */
import { useEffect, useMemo, useState } from 'react';
import type { CellValue } from '../../../../shared/domain';
import { cellRef } from '../../../../shared/template/cells';
import type { Template } from '../../../../shared/template/schema';
import { formatValue } from '../../../../shared/values/parse';
import { MONTHS } from '../../../../shared/values/period';
import { api } from '../../api/client';
import { useAppStatus } from '../../app/AppStatusContext';
import { t } from '../../i18n/catalog';

type CellState = { kind: 'saving' } | { kind: 'saved' } | { kind: 'invalid'; message: string };

const key = (ref: string, month: number) => `${ref}|${month}`;

export function LedgerPage() {
  const { status } = useAppStatus();
  const [year, setYear] = useState(new Date().getFullYear());
  const [template, setTemplate] = useState<Template | null>(null);
  const [sectionCode, setSectionCode] = useState('');
  const [values, setValues] = useState<Map<string, number>>(new Map());
  const [states, setStates] = useState<Map<string, CellState>>(new Map());
  const templateId = status.settings.defaultTemplateId;

  useEffect(() => {
    void api.request('templates.get', { templateId }).then((tpl) => {
      setTemplate(tpl);
      setSectionCode(tpl.sections[0].code);
    });
  }, [templateId]);

  useEffect(() => {
    void api.request('values.getYear', { templateId, year }).then((r) => {
      setValues(new Map(r.values.map((v: CellValue) => [key(cellRef(v.indicator, v.col), v.month), v.value])));
      setStates(new Map());
    });
  }, [templateId, year]);

  const section = useMemo(() => template?.sections.find((s) => s.code === sectionCode), [template, sectionCode]);

  async function commit(indicator: string, month: number, raw: string) {
    const k = key(indicator, month);
    setStates((s) => new Map(s).set(k, { kind: 'saving' }));
    const r = await api.call('values.set', { templateId, year, month, indicator, raw });
    if (!r.ok) return setStates((s) => new Map(s).set(k, { kind: 'invalid', message: r.error.message }));
    setValues((v) => {
      const next = new Map(v);
      if (r.data.value === null) next.delete(k);
      else next.set(k, r.data.value);
      return next;
    });
    setStates((s) => new Map(s).set(k, { kind: 'saved' }));
  }

  if (!template || !section) return <p>{t('app.loading')}</p>;
  return (
    <section className="ledger-page">
      <div className="toolbar">
        <h1>{t('ledger.title')}</h1>
        <span className="muted">{template.name}</span>
        <label>
          {t('ledger.pickYear')}
          <input type="number" value={year} min={2000} max={2100} onChange={(e) => setYear(Number(e.target.value))} aria-label={t('ledger.pickYear')} />
        </label>
        <label>
          {t('ledger.pickSection')}
          <select value={sectionCode} onChange={(e) => setSectionCode(e.target.value)} aria-label={t('ledger.pickSection')}>
            {template.sections.map((s) => (
              <option key={s.code} value={s.code}>
                {s.title}
              </option>
            ))}
          </select>
        </label>
      </div>
      {section.kind === 'list' && (
        <table className="simple-grid">
          <thead>
            <tr>
              <th>{t('ledger.indicator')}</th>
              <th>{t('ledger.measure')}</th>
              {MONTHS.map((m) => (
                <th key={m}>{t('common.monthN', { n: m })}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {section.groups.flatMap((g) =>
              g.indicators.map((ind) => (
                <tr key={ind.code}>
                  <th scope="row">{ind.name}</th>
                  <td>{ind.measure}</td>
                  {MONTHS.map((m) => {
                    const k = key(ind.code, m);
                    const st = states.get(k);
                    return (
                      <td key={m} className={st ? `cell-${st.kind}` : undefined} title={st?.kind === 'invalid' ? t('ledger.invalid', { message: st.message }) : undefined}>
                        <input
                          key={`${k}|${values.get(k) ?? ''}`}
                          data-cell={k}
                          aria-label={`${ind.name} ${t('common.monthN', { n: m })}`}
                          defaultValue={formatValue(values.get(k), ind.valueKind)}
                          onBlur={(e) => {
                            if (e.target.value !== formatValue(values.get(k), ind.valueKind)) void commit(ind.code, m, e.target.value);
                          }}
                          onKeyDown={(e) => {
                            if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
                          }}
                        />
                      </td>
                    );
                  })}
                </tr>
              )),
            )}
          </tbody>
        </table>
      )}
    </section>
  );
}
