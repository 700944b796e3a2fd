import { type CliCommand, dbOption, withBackend } from '../command';

export const demoCommand: CliCommand = {
  name: 'demo',
  summary: '载入2017年遂宁市真实数据作为演示单位（按月分摊，全年合计与年报一致）',
  usage: 'demo --db <文件>',
  options: { ...dbOption },
  async run(args, io) {
    return withBackend(args, async (b) => {
      const r = await b.invoke('demo.load', {});
      if (io.json) io.printJson(r);
      else
        io.print(
          `已载入演示数据：${r.unitName}（${r.unitCode}），${r.year}年，写入 ${r.cellsWritten} 个月度数值` +
            (r.becameSelf ? '；数据文件尚未设置，演示单位已设为本单位（汇总单位）' : '；已加入本单位下级名录'),
        );
      return 0;
    });
  },
};
