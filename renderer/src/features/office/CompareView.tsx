/** One unit's figures beside its parent's total, with its share of it. */
import { useState } from 'react';
import type { DirectoryUnit } from '../../../../shared/api/methods/units';
import type { Template } from '../../../../shared/template/schema';
import { useApiQuery } from '../../api/useApiQuery';
import { t } from '../../i18n/catalog';
import { PeriodPicker } from '../../components/PeriodPicker';
import { formatPercent } from '../../../../shared/charts/shares';
import { TemplateFigures, cellFigureText } from './TemplateFigures';
import { UnitSelect } from './UnitSelect';

interface Props {
  template: Template;
  year: number;
  units: DirectoryUnit[];
}

export function CompareView({ template, year, units }: Props) {
  const [unitCode, setUnitCode] = useState('');
  const [range, setRange] = useState({ fromMonth: 1, toMonth: 12 });
  const candidates = units.filter((u) => u.parentCode !== null);

  const { data: cmp, error } = useApiQuery('office.compare', unitCode ? { templateId: template.id, period: { year, ...range }, unitCode } : null);

  return (
    <div className="compare-view">
      <div className="toolbar">
        <UnitSelect label={t('office.compare.unit')} units={candidates} value={unitCode} onChange={setUnitCode} placeholder={t('office.compare.pick')} />
        <PeriodPicker period={{ year, ...range }} onChange={({ fromMonth, toMonth }) => setRange({ fromMonth, toMonth })} withYear={false} />
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
              { label: cmp.unit.name, text: (ref) => cellFigureText(template, cmp.unitFigures, ref) },
              { label: cmp.parent.name, text: (ref) => cellFigureText(template, cmp.parentFigures, ref) },
              { label: t('office.compare.share'), text: (ref) => (cmp.shares[ref] === undefined ? '' : formatPercent({ basisPoints: Math.round(cmp.shares[ref] * 100), count: cmp.unitFigures[ref] ?? 0 })) },
            ]}
          />
        </>
      )}
    </div>
  );
}
