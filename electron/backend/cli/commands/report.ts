import fs from 'node:fs';
import path from 'node:path';
import { type CliCommand, dbOption, intOption, stringOption, UsageError, withBackend } from '../command';

export const reportCommand: CliCommand = {
  name: 'report',
  summary: '生成年报草稿：Word 文档（--out），或打印统计段落（--text）',
  usage: 'report --db <文件> [--unit <代码>] --year <年度> [--template <模板>] [--level] (--out <文件.docx> | --text)',
  options: {
    ...dbOption,
    unit: { type: 'string' },
    year: { type: 'string' },
    template: { type: 'string' },
    level: { type: 'boolean' },
    out: { type: 'string' },
    text: { type: 'boolean' },
  },
  async run(args, io) {
    const year = intOption(args, 'year', true);
    const out = stringOption(args, 'out');
    const asText = args.values.text === true;
    if (!out && !asText && !io.json) throw new UsageError('请用 --out <文件.docx> 指定输出文件，或用 --text 打印统计段落');
    if (out && path.extname(out).toLowerCase() !== '.docx') throw new UsageError(`--out 的文件名应以 .docx 结尾：${out}`);
    const target = {
      year,
      templateId: stringOption(args, 'template'),
      scope: { unitCode: stringOption(args, 'unit'), subtree: args.values.level === true },
    };
    return withBackend(args, async (b) => {
      const draft = await b.invoke('report.draft', target);
      if (out) {
        const doc = await b.invoke('report.docx', target);
        fs.writeFileSync(path.resolve(out), Buffer.from(doc.base64, 'base64'));
      }
      if (io.json) {
        io.printJson({ ...draft, out: out ? path.resolve(out) : undefined });
        return 0;
      }
      if (asText) {
        io.print(draft.title);
        for (const s of draft.sections) {
          const paragraphs = draft.paragraphs.filter((p) => p.section === s.id);
          if (paragraphs.length === 0) continue;
          io.print(`\n${s.title}`);
          for (const p of paragraphs) io.print(p.text);
        }
      }
      for (const v of draft.violations) io.error(`${v.severity === 'error' ? '勾稽错误' : '勾稽提示'}：${v.message}`);
      if (out) io.print(`已生成年报草稿：${path.resolve(out)}`);
      return 0;
    });
  },
};
