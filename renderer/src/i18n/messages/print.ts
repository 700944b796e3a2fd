export const print = {
  'print.action': '打印',
  'print.matrix': '打印报送情况',
  'print.reminders': '打印催报名单',
  'print.pageNumber': '第 {page} 页，共 {pages} 页',
  'print.title.ledger': '{unit} {year}年 {view}',
  'print.title.matrix': '{root} {year}年各单位逐月报送情况（统计日期 {today}）',
  'print.title.reminders': '{root} {year}年催报名单（统计日期 {today}）',
  'print.title.charts': '{scope} 统计图表',
} as const;
