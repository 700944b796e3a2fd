/**
 * Validation problems as plain Chinese sentences that name the field the way
 * the forms do ("单位代码不能为空", "月份不能大于12"), never a field id or a
 * library's English. Used at the API boundary and by the forms that check
 * their input with the same schemas before sending it.
 */
import type { z } from 'zod';

/** What each input field is called on screen; unknown keys are called 参数. */
const FIELD_LABELS: Record<string, string> = {
  unitCode: '单位代码',
  code: '单位代码',
  newCode: '新的单位代码',
  parentCode: '上级单位代码',
  fallbackParentCode: '上级单位代码',
  rootCode: '汇总单位代码',
  unitName: '单位名称',
  name: '单位名称',
  kind: '单位类型',
  unitKind: '单位类型',
  role: '使用方式',
  dueDay: '每月报送截止日',
  templateId: '报表模板',
  defaultTemplateId: '默认报表模板',
  year: '年度',
  month: '月份',
  fromMonth: '起始月份',
  toMonth: '截止月份',
  period: '统计期间',
  scope: '汇总范围',
  level: '汇总范围',
  indicator: '指标',
  col: '栏目',
  cells: '单元格',
  raw: '填写的数值',
  text: '备注',
  reason: '原因',
  explanations: '说明',
  operator: '填报人姓名',
  contactPerson: '联系人',
  contactPhone: '联系电话',
  fileName: '文件名',
  base64: '文件内容',
  files: '文件',
  by: '排序依据',
  today: '日期',
  source: '数据来源',
};

export function fieldLabel(path: readonly PropertyKey[]): string {
  for (let i = path.length - 1; i >= 0; i--) {
    const key = path[i];
    if (typeof key === 'string') return FIELD_LABELS[key] ?? '参数';
  }
  return '参数';
}

const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: '“是”或“否”',
  array: '列表',
  object: '一组参数',
  date: '日期',
};

/** zod keeps the input only when asked to (reportInput); its own message then ends "received undefined". */
function isMissing(issue: z.core.$ZodIssueInvalidType): boolean {
  return issue.input === undefined && /received undefined$/.test(issue.message);
}

/** A sentence for one issue; a schema's own Chinese message (e.g. 单位代码不能为空) is kept as it is. */
export function issueText(issue: z.core.$ZodIssue): string {
  const field = fieldLabel(issue.path);
  if (/[\u4e00-\u9fff]/.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return isMissing(issue) ? `缺少${field}` : `${field}应为${TYPE_NAMES[issue.expected] ?? '其他类型'}`;
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? `${field}不能为空` : `${field}不能少于${issue.minimum}个字`;
      if (issue.origin === 'array' || issue.origin === 'set') return `${field}至少要有${issue.minimum}项`;
      return `${field}不能小于${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') return `${field}不能超过${issue.maximum}个字`;
      if (issue.origin === 'array' || issue.origin === 'set') return `${field}最多${issue.maximum}项`;
      return `${field}不能大于${issue.maximum}`;
    case 'invalid_value':
      // Choices spelled as program codes (filer, aggregator…) mean nothing on a form: say only that it is not one of them.
      return issue.values.some((v) => /[A-Za-z]/.test(String(v))) ? `${field}不是可选的值` : `${field}只能是：${issue.values.map(String).join('、')}`;
    case 'invalid_format':
      return `${field}的格式不对`;
    case 'not_multiple_of':
      return `${field}应为整数`;
    case 'unrecognized_keys':
      return `多了${issue.keys.length}个不认识的参数`;
    default:
      return `${field}的值不对`;
  }
}

/** Up to three problems in one message, and where the first is (the field path, for forms to focus). */
export function describeIssues(error: z.ZodError): { message: string; where: string } {
  const first = error.issues[0];
  // One problem per field: an empty code is "不能为空", not also "只能使用字母…".
  const seen = new Set<string>();
  const issues = error.issues.filter((i) => {
    const key = i.path.map(String).join('.');
    if (i.code !== 'unrecognized_keys' && seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const texts = [...new Set(issues.map(issueText))];
  const more = texts.length > 3 ? `等${texts.length}处` : '';
  return { message: `${texts.slice(0, 3).join('；')}${more}。`, where: first?.path.map(String).join('.') ?? '' };
}
