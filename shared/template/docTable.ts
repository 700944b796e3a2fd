/**
 * A template as reviewable Markdown: every cell (code, label, unit, kind,
 * decimals, roll-up) and every rule (severity, periods, the comparison as
 * cell codes). docs/templates/<id>.md is this text; a test holds the file
 * equal to it, so the document cannot drift from the JSON.
 */
import { sectionCells } from './cells';
import type { Rule, Template, Term } from './schema';

const ROLLUP = { sum: '月度相加', last: '取期末值', first: '取期初值' } as const;
const SCOPE = { month: '月', year: '年' } as const;
const cell = (text: string) => text.replaceAll('|', '\\|');

function term(t: Term): string {
  const ref = `\`${t.ref}\``;
  const year = t.year === 'previous' ? '（上年）' : '';
  return `${t.sign < 0 ? '− ' : ''}${ref}${year}`;
}

function side(terms: Term[]): string {
  if (terms.length === 0) return '0';
  return terms.map((t, i) => (i === 0 || t.sign < 0 ? term(t) : `+ ${term(t)}`)).join(' ');
}

function ruleRow(r: Rule): string {
  const each = r.forEach ? `表 \`${r.forEach.table}\` 每${r.forEach.over === 'columns' ? '列' : '行'}（* 为${r.forEach.over === 'columns' ? '列' : '行'}代码）` : '';
  const sev = r.severity === 'error' ? '错误' : '提示';
  const scope = r.scope.map((s) => SCOPE[s]).join('、');
  const kinds = r.unitKinds ? `；仅${r.unitKinds.join('、')}` : '';
  return `| \`${r.id}\` | ${sev} | ${scope}${r.requireAll ? '（各项齐全时）' : ''}${kinds} | ${each} | ${side(r.left)} ${r.op} ${side(r.right)} |`;
}

export function templateDocTable(t: Template): string {
  const lines = [
    `# 模板 ${t.id}（第 ${t.version} 版）：${t.name}`,
    '',
    `<!-- Generated from resources/templates/${t.id}.json (shared/template/docTable.ts); electron/backend/templates/docTable.test.ts keeps it equal, UPDATE_DOCS=1 rewrites it. -->`,
    '',
    t.description,
    '',
    `- 默认模板（新数据文件）：${t.default ? '是' : '否'}`,
    `- 年报方案：${t.reportPlan ?? t.id}`,
    `- 年报提纲：${t.reportOutline ? t.reportOutline.map((x) => x.title).join(' / ') : '全国2021年格式（一、总体情况 … 六、其他需要报告的事项）'}`,
    `- 与之共用单元格的模板：${t.sharesCellsWith.length ? t.sharesCellsWith.join('、') : '无'}`,
    '',
    '## 单元格',
    '',
  ];
  for (const s of t.sections) {
    lines.push(`### ${s.title}（\`${s.code}\`）`, '', '| 代码 | 名称 | 单位 | 类型 | 小数位 | 汇总 | 分类 |', '|---|---|---|---|---|---|---|');
    for (const c of sectionCells(s)) {
      const kind = c.valueKind === 'amount' ? '金额' : '数量';
      lines.push(`| \`${c.ref}\` | ${cell(c.label)} | ${c.measure} | ${kind} | ${c.decimals} | ${ROLLUP[c.rollup]} | ${c.category ?? ''} |`);
    }
    lines.push('');
  }
  lines.push('## 勾稽规则', '', '| 规则 | 级别 | 适用期间 | 展开 | 关系 |', '|---|---|---|---|---|', ...t.rules.map(ruleRow), '');
  lines.push('### 规则提示语', '', ...t.rules.map((r) => `- \`${r.id}\`：${r.message}${r.officeAdvice ? `（汇总单位另见：${r.officeAdvice}）` : ''}`), '');
  return lines.join('\n');
}
