/** An office's read-only look into one unit's ledger (单位名录, 报送汇总). */
export const unitLedger = {
  'unitLedger.open': '查看台账',
  'unitLedger.openNamed': '查看“{name}”的台账（只读）',
  'unitLedger.title': '{unit}（{code}）的台账',
  'unitLedger.readOnly': '只读',
  'unitLedger.hint': '这里显示该单位报送或导入的数据，汇总单位不能在此修改。点选一个数值，右侧显示它的修改历史。',
  'unitLedger.indicator': '指标',
  'unitLedger.count': '{year}年共有 {n} 个月度数值',
  'unitLedger.cell': '{label} {month}月：{value}',
  'unitLedger.pick': '点选左侧表中的一个数值，查看它由谁、何时、以何种方式填入或修改。',
} as const;
