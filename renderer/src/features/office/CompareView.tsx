/** One unit's figures beside its parent's total, with its share of it. */
import { useEffect, useState } from 'react';
import type { DirectoryUnit } from '../../../../shared/api/methods/directory';
import type { Comparison } from '../../../../shared/api/methods/office';
import type { Template } from '../../../../shared/template/schema';
import { api } from '../../api/client';
import { t } from '../../i18n/catalog';
import { PeriodPicker, type MonthRange } from './PeriodPicker';
import { TemplateFigures, figureText } from './TemplateFigures';
import { UnitSelect } from './UnitSelect';

interface Props {
  template: Template;
  year: number;
  units: DirectoryUnit[];
}

export function CompareView({ template, year, units }: Props) {
  const [unitCode, setUnitCode] = useState('');
  const [range, setRange] = useState<MonthRange>({ fromMonth: 1, toMonth: 12 });
  const [cmp, setCmp] = useState<Comparison | null>(null);
  const [error, setError] = useState<string | null>(null);
  const candidates = units.filter((u) => u.parentCode !== null);

  useEffect(() => {
    if (!unitCode) return setCmp(null);
    void api.call('office.compare', { templateId: template.id, year, unitCode, ...range }).then((r) => {
      if (r.ok) {
        setCmp(r.data);
        setError(null);
      } else setError(r.error.message);
    });
  }, [template.id, year, unitCode, range]);

  return (
    <div className="compare-view">
      <div className="toolbar">
        <UnitSelect label={t('office.compare.unit')} units={candidates} value={unitCode} onChange={setUnitCode} placeholder={t('office.compare.pick')} />
        <PeriodPicker value={range} onChange={setRange} />
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {cmp && (
        <>
          <p role="status">{t('office.compare.caption', { unit: cmp.unit.name, parent: cmp.parent.name, period: cmp.periodLabel })}</p>
          <TemplateFigures
            template={template}
            columns={[
              { label: cmp.unit.name, text: (ref) => figureText(template, cmp.unitFigures, ref) },
              { label: cmp.parent.name, text: (ref) => figureText(template, cmp.parentFigures, ref) },
              { label: t('office.compare.share'), text: (ref) => (cmp.shares[ref] === undefined ? '' : `${cmp.shares[ref].toFixed(2)}%`) },
            ]}
          />
        </>
      )}
    </div>
  );
}
