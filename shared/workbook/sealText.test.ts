import { describe, expect, it } from 'vitest';
import nationalJson from '../../resources/templates/national-2021.json';
import { templateCells } from '../template/cells';
import { parseTemplate } from '../template/validate';
import { canonicalSealText, SEAL_TEXT_VERSION } from './sealText';
import type { WorkbookUnit } from './format';

const template = parseTemplate(nationalJson, 'national-2021.json');
const cells = templateCells(template);
const refs = [...cells.keys()];

const units: WorkbookUnit[] = [
  { code: 'C01', name: '船山区', kind: '县区', parentCode: '' },
  { code: 'C01-D1', name: '船山区教育局', kind: '部门', parentCode: 'C01' },
];
const meta: [string, string | number][] = [
  ['format_version', 3],
  ['kind', 'bundle'],
  ['unit_code', 'C01'],
  ['revision', 2],
  ['fingerprint', 'ab'.repeat(32)],
  ['public_key', 'K'.repeat(43) + '='],
];
const months = () => [
  { unitCode: 'C01', month: 1, values: new Map([[refs[0], 3], [refs[1], 4]]) },
  { unitCode: 'C01-D1', month: 2, values: new Map([[refs[2], 5]]) },
];
const base = () => canonicalSealText({ meta, units, cells, months: months() });

describe('canonical signed text', () => {
  it('is versioned and the same for the same content, whatever the order of meta rows, units, months or map entries', () => {
    const text = base();
    expect(text.split('\n')[0]).toBe(JSON.stringify([SEAL_TEXT_VERSION]));
    const shuffled = canonicalSealText({
      meta: [...meta].reverse(),
      units: [...units].reverse(),
      cells,
      months: months()
        .reverse()
        .map((m) => ({ ...m, values: new Map([...m.values].reverse()) })),
    });
    expect(shuffled).toBe(text);
  });

  it('ignores how a meta number was written (as a number or as text with spaces around it)', () => {
    const asText = canonicalSealText({ meta: meta.map(([k, v]) => [k, typeof v === 'number' ? ` ${v} ` : v]), units, cells, months: months() });
    expect(asText).toBe(base());
  });

  it('does not cover the signature row (it cannot sign itself), and covers every other row', () => {
    expect(canonicalSealText({ meta: [...meta, ['signature', 'x']], units, cells, months: months() })).toBe(base());
    expect(canonicalSealText({ meta: [...meta, ['completion', '1-3']], units, cells, months: months() })).not.toBe(base());
  });

  it('changes when any field changes', () => {
    const variants = [
      ...meta.map((_, i) => canonicalSealText({ meta: meta.map((m, j) => (j === i ? [m[0], `${m[1]}x`] : m)), units, cells, months: months() })),
      ...(['code', 'name', 'kind', 'parentCode'] as const).map((f) => canonicalSealText({ meta, units: [{ ...units[0], [f]: `${units[0][f]}x` }, units[1]], cells, months: months() })),
      canonicalSealText({ meta, units, cells, months: months().map((m, i) => (i === 0 ? { ...m, month: 3 } : m)) }),
      canonicalSealText({ meta, units, cells, months: months().map((m, i) => (i === 0 ? { ...m, unitCode: 'C01-D1' } : m)) }),
      canonicalSealText({ meta, units, cells, months: months().map((m, i) => (i === 0 ? { ...m, values: new Map([[refs[0], 3], [refs[1], 5]]) } : m)) }),
      canonicalSealText({ meta, units, cells, months: months().map((m, i) => (i === 0 ? { ...m, values: new Map([[refs[0], 3]]) } : m)) }),
      canonicalSealText({ meta, units, cells, months: months().map((m, i) => (i === 0 ? { ...m, values: new Map([[refs[0], 3], [refs[3], 4]]) } : m)) }),
    ];
    for (const v of variants) expect(v).not.toBe(base());
    expect(new Set(variants).size).toBe(variants.length);
  });

  it('cannot be shifted by a field holding a tab or a newline', () => {
    const a = canonicalSealText({ meta: [['unit_name', 'A\tB']], units: [], cells, months: [] });
    const b = canonicalSealText({ meta: [['unit_name', 'A'], ['B', '']], units: [], cells, months: [] });
    expect(a).not.toBe(b);
  });
});
