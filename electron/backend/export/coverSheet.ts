/** 封面: who, what period, which template, which revision — and, for blanks, how to fill in. */
import { shortFingerprint } from '../../../shared/text/readableCode';
import type ExcelJS from 'exceljs';
import { publicKeyCode } from '../workbook/seal';
import { formatPeriodLabel } from '../../../shared/values/period';
import { COVER_SHEET } from '../../../shared/workbook/format';
import { localTime } from './layout';
import { a4Print, allBorders, center, font, HEADER_FILL, leftMiddle } from './styles';
import type { WorkbookInput } from './workbookInput';

const KIND_LABEL = { submission: '报送表', bundle: '汇总报送表（含下级单位）', blank: '空白模板（手工填报）', summary: '汇总表（供阅读和打印，不能导入）' } as const;

export const BLANK_INSTRUCTIONS = [
  '1. 只在白色的数据格中填写数字；其他单元格已保护，无需修改。',
  '2. 数量填写不小于 0 的整数；金额填写不小于 0 的数，小数位数以各栏为准（以万元计的最多四位，其余最多两位）。',
  '3. 没有发生的事项请填 0；不清楚或未统计的请留空（留空表示“未填报”，不等于 0）。',
  '4. “台账”表按月填写，合计列自动计算；全国格式统计表填写本期数。',
  '5. 请勿增删行列、修改工作表名称或隐藏内容，填好后保存为 .xlsx 报送。',
];

export function writeCoverSheet(wb: ExcelJS.Workbook, input: WorkbookInput, fingerprint: string, notice: string | null): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(COVER_SHEET, { properties: { defaultRowHeight: 20 } });
  ws.getColumn(1).width = 16;
  ws.getColumn(2).width = 70;

  const blank = input.kind === 'blank';
  const title = ws.getRow(1);
  title.getCell(1).value = `${formatPeriodLabel(input.period)}政务公开统计${blank ? '空白模板' : '报送表'}`;
  title.getCell(1).font = font(18, true);
  title.getCell(1).alignment = center;
  title.height = 40;
  ws.mergeCells('A1:B1');

  const units = input.units.filter((u) => u.code !== input.unit.code);
  const fields: [string, string][] = [
    ['单位名称', input.unit.name],
    ['单位代码', input.unit.code],
    ['统计期间', formatPeriodLabel(input.period)],
    ['报表模板', `${input.template.name}（${input.template.id}，第 ${input.template.version} 版）`],
    ['文件类型', KIND_LABEL[input.kind]],
    ...(input.kind === 'bundle' ? [['包含单位', `本单位及下级 ${units.length} 个单位：${units.map((u) => u.name).join('、') || '无'}`] as [string, string]] : []),
    ['联系人', input.contact?.person ?? ''],
    ['联系电话', input.contact?.phone ?? ''],
    ['导出时间', localTime(input.exportedAt)],
    ['软件版本', `政务公开台账 ${input.appVersion}`],
    ['修订号', blank ? '—' : `第 ${input.revision} 次导出`],
    ...(input.checkLine ? [['检查情况', input.checkLine] as [string, string]] : []),
    // The short code is what people read out and compare; the whole one is for tools.
    ['内容指纹', shortFingerprint(fingerprint)],
    ['完整指纹', fingerprint],
    // Read out over the phone and compared with what the office registered (docs/import.md).
    ['签名密钥', input.signer ? publicKeyCode(input.signer.publicKey) : '未签名'],
  ];
  let r = 3;
  for (const [label, value] of fields) {
    const row = ws.getRow(r++);
    row.getCell(1).value = label;
    row.getCell(1).font = font(11, true);
    row.getCell(1).fill = HEADER_FILL;
    row.getCell(1).alignment = center;
    row.getCell(2).value = value;
    row.getCell(2).font = font(label === '完整指纹' ? 8 : 11);
    row.getCell(2).alignment = leftMiddle();
    row.getCell(1).border = allBorders;
    row.getCell(2).border = allBorders;
    if (value.length > 34) row.height = 34;
  }

  const lines = [
    ...(notice ? [notice] : []),
    ...(blank ? ['填写说明', ...BLANK_INSTRUCTIONS] : ['说明：表内空白表示未填报，不等于 0。导出后请勿修改数据，以免与内容指纹不符。']),
  ];
  r++;
  for (const line of lines) {
    const row = ws.getRow(r);
    row.getCell(1).value = line;
    row.getCell(1).font = font(11, line === '填写说明' || line === notice);
    row.getCell(1).alignment = leftMiddle();
    if (line === notice) row.getCell(1).font = { ...font(12, true), color: { argb: 'FFC00000' } };
    ws.mergeCells(r, 1, r, 2);
    r++;
  }

  // Numbered like the sheets after it: the cover is page 1 of what is signed and sent.
  a4Print(ws, { orientation: 'portrait' });
  return ws;
}
