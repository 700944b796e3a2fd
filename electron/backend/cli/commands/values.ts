import { cellRef, findCell, splitRef } from '../../../../shared/template/cells';
import { figureText } from '../../../../shared/values/numberFormat';
import { parsePeriodKey } from '../../../../shared/values/period';
import { rollupMonths } from '../../../../shared/values/rollup';
import { templateSummaries } from '../../api/handlers/templates';
import { defaultResourcesDir, templatesDir, userTemplatesDir } from '../../paths';
import { openTemplates } from '../../templates/openTemplates';
import { type CliCommand, type ParsedCli, dataFileOption, dbOption, stringOption, UsageError, withBackend } from '../command';

const cellOptions = {
  ...dbOption,
  unit: { type: 'string' as const },
  template: { type: 'string' as const },
  indicator: { type: 'string' as const },
  period: { type: 'string' as const },
};

function target(args: ParsedCli) {
  const ref = stringOption(args, 'indicator', true);
  const periodText = stringOption(args, 'period', true);
  const period = parsePeriodKey(periodText);
  if (!period) throw new UsageError(`--period 格式应为 2017 或 2017-03：${periodText}`);
  return { ...splitRef(ref), period, unitCode: stringOption(args, 'unit'), templateId: stringOption(args, 'template') };
}

export const setCommand: CliCommand = {
  name: 'set',
  summary: '写入一个月的一个数值',
  usage: 'set --db <文件> [--unit <代码>] [--template <模板>] --indicator <指标代码，表格为 行:列> --period <2017-03> --value <数值>',
  options: { ...cellOptions, value: { type: 'string' } },
  async run(args, io) {
    const t = target(args);
    if (t.period.fromMonth !== t.period.toMonth) throw new UsageError('写入数值时 --period 必须是某一个月，例如 2017-03');
    const raw = stringOption(args, 'value', true);
    return withBackend(args, async (b) => {
      const templateId = t.templateId ?? (await b.invoke('app.status', {})).settings.defaultTemplateId;
      const r = await b.invoke('values.set', {
        templateId,
        year: t.period.year,
        month: t.period.fromMonth,
        indicator: t.indicator,
        col: t.col,
        raw,
        unitCode: t.unitCode,
      });
      if (io.json) io.printJson(r);
      else {
        const def = findCell(await b.invoke('templates.get', { templateId }), cellRef(t.indicator, t.col));
        io.print(r.changed ? `已保存：${cellRef(t.indicator, t.col)} ${t.period.year}年${t.period.fromMonth}月 = ${r.value === null ? '（空）' : figureText(r.value, def ?? 'count')}` : '数值未变化');
      }
      return 0;
    });
  },
};

export const getCommand: CliCommand = {
  name: 'get',
  summary: '读取一个数值（某月，或全年按汇总规则）',
  usage: 'get --db <文件> [--unit <代码>] [--template <模板>] --indicator <指标代码> --period <2017 | 2017-03 | 2017-01..2017-06>',
  options: cellOptions,
  async run(args, io) {
    const t = target(args);
    return withBackend(args, async (b) => {
      const templateId = t.templateId ?? (await b.invoke('app.status', {})).settings.defaultTemplateId;
      const template = await b.invoke('templates.get', { templateId });
      const def = findCell(template, cellRef(t.indicator, t.col));
      if (!def) {
        io.error(`模板“${template.name}”中没有指标 ${cellRef(t.indicator, t.col)}`);
        return 1;
      }
      const year = await b.invoke('values.getYear', { templateId, year: t.period.year, unitCode: t.unitCode });
      const months: (number | null)[] = new Array(13).fill(null);
      for (const v of year.values) if (v.indicator === t.indicator && v.col === t.col) months[v.month] = v.value;
      const value = rollupMonths(months, def.rollup, def, t.period.fromMonth, t.period.toMonth);
      if (io.json) io.printJson({ indicator: def.ref, label: def.label, unitCode: year.unitCode, value });
      else io.print(`${def.label}：${value === null ? '（无数据）' : `${figureText(value, def)} ${def.measure}`}`);
      return 0;
    });
  },
};

export const templatesCommand: CliCommand = {
  name: 'templates',
  summary: '列出可用的报表模板',
  usage: 'templates [--db <文件>]',
  options: dbOption,
  // The templates the backend would load for this data file (the built-in ones and those beside it), without opening it.
  async run(args, io) {
    const templates = await openTemplates(templatesDir(defaultResourcesDir()), userTemplatesDir(dataFileOption(args)));
    const list = templateSummaries({ templates });
    if (io.json) io.printJson(list);
    else for (const t of list) io.print(`${t.id}\tv${t.version}\t${t.name}`);
    return 0;
  },
};
