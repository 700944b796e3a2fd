/** Merged figures of a level for a period, in the template's layout. */
import { useEffect, useState } from 'react';
import type { DirectoryUnit } from '../../../../shared/api/methods/units';
import type { Template } from '../../../../shared/template/schema';
import { useApiQuery } from '../../api/useApiQuery';
import { t } from '../../i18n/catalog';
import { PeriodPicker } from '../../components/PeriodPicker';
import { TemplateFigures, cellFigureText } from './TemplateFigures';
import { LevelChecks } from './LevelChecks';
import { MergedExportButton } from './MergedExportButton';
import { UnitSelect } from './UnitSelect';

interface Props {
  template: Template;
  year: number;
  units: DirectoryUnit[];
  defaultUnitCode: string;
  /** Look into a unit's ledger (read only): the units a failed check names. */
  onOpenUnit?(unit: { code: string; name: string }): void;
}

export function TotalsView({ template, year, units, defaultUnitCode, onOpenUnit }: Props) {
  const [unitCode, setUnitCode] = useState(defaultUnitCode);
  const [range, setRange] = useState({ fromMonth: 1, toMonth: 12 });

  useEffect(() => setUnitCode(defaultUnitCode), [defaultUnitCode]);

  const { data: totals, error } = useApiQuery('office.totals', unitCode ? { templateId: template.id, period: { year, ...range }, unitCode } : null);

  return (
    <div className="totals-view">
      <div className="toolbar">
        <UnitSelect label={t('office.totals.unit')} units={units} value={unitCode} onChange={setUnitCode} />
        <PeriodPicker period={{ year, ...range }} onChange={({ fromMonth, toMonth }) => setRange({ fromMonth, toMonth })} withYear={false} />
        {unitCode && <MergedExportButton templateId={template.id} period={{ year, ...range }} unitCode={unitCode} />}
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {totals && (
        <>
          <p role="status" data-testid="totals-caption">
            {t('office.totals.caption', { unit: totals.unit.name, period: totals.periodLabel, units: totals.unitCount, reporting: totals.reportingUnits })}
          </p>
          <LevelChecks violations={totals.violations} onOpenUnit={onOpenUnit} />
          <TemplateFigures template={template} columns={[{ label: t('office.totals.value'), text: (ref) => cellFigureText(template, totals.figures, ref) }]} />
        </>
      )}
    </div>
  );
}
