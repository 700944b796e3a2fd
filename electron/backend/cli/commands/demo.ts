import { type CliCommand, dbOption, withBackend } from '../command';

export const demoCommand: CliCommand = {
  name: 'demo',
  summary: '载入演示数据：2017年遂宁市真实数据；--city：现行月度台账的示例市（含部门、县区、乡镇，2023—2025年）',
  usage: 'demo --db <文件> [--city]',
  options: { ...dbOption, city: { type: 'boolean' as const } },
  async run(args, io) {
    return withBackend(args, async (b) => {
      const r = await b.invoke('demo.load', { set: args.values.city === true ? 'city' : 'suining-2017' });
      if (io.json) io.printJson(r);
      else
        io.print(
          `已载入演示数据：${r.unitName}（${r.unitCode}），至${r.year}年，写入 ${r.cellsWritten} 个月度数值` +
            (r.becameSelf ? '；数据文件尚未设置，演示单位已设为本单位（汇总单位）' : '；已加入本单位下级名录'),
        );
      return 0;
    });
  },
};
