import { ROLES, UNIT_KINDS, type Role, type UnitKind } from '../../../../shared/domain';
import { type CliCommand, dbOption, stringOption, UsageError, withBackend } from '../command';

export const initCommand: CliCommand = {
  name: 'init',
  summary: '创建数据文件并设置本单位',
  usage: `init --db <文件> --code <单位代码> --name <单位名称> [--role filer|aggregator] [--kind ${UNIT_KINDS.join('|')}] [--operator <姓名>]`,
  options: { ...dbOption, code: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, kind: { type: 'string' }, operator: { type: 'string' } },
  async run(args, io) {
    const role = (stringOption(args, 'role') ?? 'filer') as Role;
    if (!ROLES.includes(role)) throw new UsageError(`--role 只能是 filer（本单位填报）或 aggregator（汇总单位）`);
    // The kind decides which rules apply (a 县区 or 乡镇 issues no 规章): say it rather than default it.
    const unitKind = (stringOption(args, 'kind') ?? '部门') as UnitKind;
    if (!UNIT_KINDS.includes(unitKind)) throw new UsageError(`--kind 只能是 ${UNIT_KINDS.join('、')} 之一`);
    const unitCode = stringOption(args, 'code', true);
    const unitName = stringOption(args, 'name', true);
    return withBackend(args, async (b) => {
      const status = await b.invoke('setup.init', { unitCode, unitName, role, unitKind, operator: stringOption(args, 'operator') });
      if (io.json) io.printJson(status);
      else io.print(`已设置本单位：${status.unit?.name}（${status.unit?.code}，${status.unit?.kind}），数据文件：${status.dataFile}`);
      return 0;
    });
  },
};
