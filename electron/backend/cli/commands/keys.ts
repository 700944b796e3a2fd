import { type CliCommand, dbOption, stringOption, withBackend } from '../command';

/** The data file's own key code, or the one the office registered for a unit: what people compare over the phone. */
export const keysCommand: CliCommand = {
  name: 'keys',
  summary: '显示本数据文件的签名密钥，或汇总单位为某单位登记的密钥',
  usage: 'keys --db <文件> [--unit <单位代码>] [--json]',
  options: { ...dbOption, unit: { type: 'string' } },
  async run(args, io) {
    const unitCode = stringOption(args, 'unit');
    return withBackend(args, async (b) => {
      if (unitCode === undefined) {
        const own = await b.invoke('keys.own', {});
        if (io.json) io.printJson(own);
        else {
          io.print(`本数据文件的签名密钥：${own.keyCode}`);
          io.print(`完整公钥（供汇总单位登记）：${own.publicKey}`);
        }
        return 0;
      }
      const unit = (await b.invoke('units.list', {})).find((u) => u.code === unitCode);
      if (!unit) {
        io.error(`单位代码 ${unitCode} 不在单位名录中`);
        return 1;
      }
      const k = (await b.invoke('keys.list', {})).units.find((u) => u.unitCode === unitCode) ?? null;
      if (io.json) io.printJson({ unitCode, unitName: unit.name, key: k });
      else if (k) io.print(`${k.unitName}（${k.unitCode}）登记的签名密钥：${k.keyCode}（登记于 ${k.registeredAt.slice(0, 10)}）`);
      else io.print(`${unit.name}（${unitCode}）尚未登记签名密钥：下次导入其报表时会显示为“新密钥”`);
      return 0;
    });
  },
};
