import { shortFingerprint } from '../../../../shared/text/readableCode';
import path from 'node:path';
import { formatPeriodLabel, parsePeriodKey } from '../../../../shared/values/period';
import { ApiFailure } from '../../failure';
import { WriteFailure, writeFileAtomic } from '../../files/writeFileAtomic';
import { type CliCommand, dbOption, stringOption, UsageError, withBackend } from '../command';

export const exportCommand: CliCommand = {
  name: 'export',
  summary: '导出报送表（Excel），或 --blank 空白模板、--bundle 含下级单位的汇总报送表',
  usage:
    'export --db <文件> [--unit <代码>] --period <2017 | 2017-03 | 2017-01..2017-06> [--template <模板>] --out <文件.xlsx> [--blank | --bundle]',
  options: {
    ...dbOption,
    unit: { type: 'string' },
    period: { type: 'string' },
    template: { type: 'string' },
    out: { type: 'string' },
    blank: { type: 'boolean' },
    bundle: { type: 'boolean' },
  },
  async run(args, io) {
    const periodText = stringOption(args, 'period', true);
    const period = parsePeriodKey(periodText);
    if (!period) throw new UsageError(`--period 格式应为 2017、2017-03 或 2017-01..2017-06：${periodText}`);
    const out = path.resolve(stringOption(args, 'out', true));
    if (!out.toLowerCase().endsWith('.xlsx')) throw new UsageError(`--out 应是 .xlsx 文件：${out}`);
    if (args.values.blank && args.values.bundle) throw new UsageError('--blank 和 --bundle 不能同时使用');
    const kind = args.values.blank ? 'blank' : args.values.bundle ? 'bundle' : 'submission';
    return withBackend(args, async (b) => {
      const templateId = stringOption(args, 'template') ?? (await b.invoke('app.status', {})).settings.defaultTemplateId;
      try {
        // Loaded by this command only: the other commands start without the export writer (start-up, docs/import.md).
        const { prepareExport } = await import('../../export/exportService');
        const prepared = await prepareExport(b.ctx, { templateId, period, unitCode: stringOption(args, 'unit'), kind });
        writeFileAtomic(out, prepared.buffer);
        prepared.record();
        const result = { file: out, suggestedName: prepared.fileName, revision: prepared.revision, fingerprint: prepared.fingerprint, empty: prepared.empty };
        if (io.json) io.printJson({ ok: true, ...result, notice: prepared.notice });
        else {
          io.print(`已导出${kind === 'blank' ? '空白模板' : `${formatPeriodLabel(period)}报送表（第 ${prepared.revision} 次导出）`}：${out}`);
          if (kind !== 'blank') io.print(`内容指纹：${shortFingerprint(prepared.fingerprint)}`);
          if (prepared.notice) io.print(prepared.notice);
        }
        return 0;
      } catch (e) {
        if (!(e instanceof ApiFailure) && !(e instanceof WriteFailure)) throw e;
        if (io.json) io.printJson({ ok: false, error: { code: e instanceof ApiFailure ? e.code : 'io', message: e.message } });
        else io.error(`未导出：${e.message}`);
        return 1;
      }
    });
  },
};
