export const ledger = {
  'ledger.title': '月度台账',
  'ledger.pickYear': '年度',
  'ledger.pickSection': '栏目',
  'ledger.indicator': '指标',
  'ledger.measure': '单位',
  'ledger.invalid': '未保存：{message}',
  'ledger.saveFailed': '保存失败：{message}',
} as const;
