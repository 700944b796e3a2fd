import { describe, expect, it } from 'vitest';
import nationalJson from '../../resources/templates/national-2021.json';
import { templateCells, type CellDef } from '../template/cells';
import { parseTemplate } from '../template/validate';
import { packMonth, packedRows, PACKED_CELL_CHARS, unpackMonth, unpackPairs, type UnpackResult } from './packedValues';
import type { WorkbookValue } from './format';

const national = templateCells(parseTemplate(nationalJson, 'national-2021.json'));

describe('packed values (data sheet format 2)', () => {
  it('packs a month in template order, counts as integers and amounts with two decimals, and unpacks it again', () => {
    const cells = [...national.values()];
    const amount = cells.find((c) => c.valueKind === 'amount')!;
    const counts = cells.filter((c) => c.valueKind === 'count').slice(0, 3);
    const values = [...counts.reverse().map((c, i) => ({ indicator: c.indicator, col: c.col, value: i * 7 })), { indicator: amount.indicator, col: amount.col, value: 1.5 }];
    const packed = packMonth(national, new Map(values.map((v) => [v.col ? `${v.indicator}:${v.col}` : v.indicator, v.value])));
    expect(packed).toHaveLength(1);
    const order = cells.map((c) => c.ref);
    const refs = packed[0].split(';').map((p) => p.split('=')[0]);
    expect(refs).toEqual([...refs].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
    expect(packed[0]).toContain(`${amount.ref}=1.50`);
    const back = unpackMonth(packed);
    expect(back.ok && back.values).toEqual(new Map(values.map((v) => [v.col ? `${v.indicator}:${v.col}` : v.indicator, v.value])));
  });

  it('checks refs and kinds against the template’s cells when given them, in the same pass', () => {
    const cells = [...national.values()];
    const count = cells.find((c) => c.valueKind === 'count')!;
    const amount = cells.find((c) => c.valueKind === 'amount')!;
    // Binary noise a spreadsheet writes is the amount's places; more places are refused, as typing refuses them.
    expect(unpackMonth([`${count.ref}=3;${amount.ref}=1.8399999999999999`], national)).toEqual({ ok: true, values: new Map([[count.ref, 3], [amount.ref, 1.84]]) });
    // 万元 amounts carry four places (59237.2449), a fifth is refused.
    expect(unpackMonth([`${count.ref}=3;${amount.ref}=59237.2449`], national)).toEqual({ ok: true, values: new Map([[count.ref, 3], [amount.ref, 59237.2449]]) });
    expect(unpackMonth([`${count.ref}=3;${amount.ref}=1.84561`], national)).toEqual({ ok: false, why: `${amount.label} 的值“1.84561”的小数超过四位，金额最多保留四位小数` });
    expect(unpackMonth([`${count.ref}=3;no.such=1`], national)).toEqual({ ok: false, why: '“no.such”不是本表的单元格' });
    expect(unpackMonth([`${count.ref}=2.5`], national)).toEqual({ ok: false, why: `${count.label} 的值“2.5”含小数，此处只能填写整数` });
    // The limits of shared/values/limits.ts, the same as typing and the store.
    expect(unpackMonth([`${count.ref}=1000000000`], national)).toEqual({ ok: false, why: `${count.label} 的值“1000000000”超过上限 999999999` });
    expect(unpackMonth([`${count.ref}=${'9'.repeat(400)}`], national)).toEqual({ ok: false, why: `${count.label} 的值“${'9'.repeat(20)}…”超过上限 999999999` });
    // Out of template order (a hand-made row) it is still read; a ref twice is still refused.
    expect(unpackMonth([`${amount.ref}=1.5;${count.ref}=3`], national)).toEqual({ ok: true, values: new Map([[amount.ref, 1.5], [count.ref, 3]]) });
    expect(unpackMonth([`${count.ref}=3;${count.ref}=3`], national)).toEqual({ ok: false, why: `“${count.ref}”出现了两次` });
    expect(unpackMonth([`${count.ref}=3;`], national).ok).toBe(false);
    // Values read from their digits equal what Number() makes of them, long ones included.
    for (const text of ['0', '7', '12.50', '0.1', '1234567.89', '9007199254740993', '0.00000000000000000000000123', '3.14159265358979323846']) {
      const r = unpackMonth([`a=${text}`]);
      expect(r.ok && r.values.get('a'), text).toBe(Number(text));
    }
    // Without the cells only the grammar is checked.
    expect(unpackMonth([`${count.ref}=2.5;no.such=1`]).ok).toBe(true);
  });

  it('continues a long month in further cells, each within Excel’s cell limit', () => {
    const many = new Map<string, CellDef>();
    for (let i = 0; i < 5000; i++) {
      const ref = `indicator_with_a_long_name_${i}`;
      many.set(ref, { ref, indicator: ref, col: '', sectionCode: 's', label: ref, measure: '件', valueKind: 'count', decimals: 0, rollup: 'sum' });
    }
    const packed = packMonth(many, new Map([...many.keys()].map((ref, i) => [ref, 1000 + i])));
    expect(packed.length).toBeGreaterThan(1);
    for (const chunk of packed) expect(chunk.length).toBeLessThanOrEqual(PACKED_CELL_CHARS);
    const back = unpackMonth(packed);
    expect(back.ok && back.values.size).toBe(5000);
  });

  it('gives one row per unit and month, units in the given order, months ascending', () => {
    const c = [...national.values()][0];
    const v = (unitCode: string, month: number): WorkbookValue => ({ unitCode, indicator: c.indicator, col: c.col, month, value: month });
    const rows = packedRows(national, ['B', 'A'], [v('A', 3), v('B', 12), v('A', 1), v('B', 2)]);
    expect(rows.map((r) => [r.unitCode, r.month])).toEqual([['B', 2], ['B', 12], ['A', 1], ['A', 3]]);
  });

  it('refuses what the writer never writes: no "=", a non-number, a negative, a ref twice', () => {
    expect(unpackMonth(['a.b=1;a.c']).ok).toBe(false);
    expect(unpackMonth(['a.b=1;a.c=x'])).toMatchObject({ ok: false, why: expect.stringContaining('a.c') });
    expect(unpackMonth(['a.b=-1']).ok).toBe(false);
    expect(unpackMonth(['a.b=1e3']).ok).toBe(false);
    expect(unpackMonth(['a.b=1', 'a.b=2'])).toMatchObject({ ok: false, why: expect.stringContaining('两次') });
    expect(unpackMonth(['a.b=1;']).ok).toBe(false);
    expect(unpackMonth(['a.b=.5']).ok).toBe(false);
    expect(unpackMonth(['a.b=5.']).ok).toBe(false);
    expect(unpackMonth(['a.b=1.2.3']).ok).toBe(false);
    expect(unpackMonth(['a.b=']).ok).toBe(false);
    expect(unpackMonth(['a.b=12.50;c=0'])).toEqual({ ok: true, values: new Map([['a.b', 12.5], ['c', 0]]) });
  });

  it('reads any row the same by the in-order fast path as pair by pair (random rows, faults and all)', () => {
    // Cells whose refs are prefixes of one another, counts and amounts of several places.
    const own = new Map<string, CellDef>();
    for (const [ref, valueKind, decimals] of [['a', 'count', 0], ['a.b', 'count', 0], ['a.bc', 'amount', 2], ['b', 'amount', 4], ['b_1', 'count', 0]] as const) {
      own.set(ref, { ref, indicator: ref, col: '', sectionCode: 's', label: ref, measure: '件', valueKind, decimals, rollup: 'sum' });
    }
    let seed = 19;
    const rand = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
    const numbers = ['0', '7', '12', '007', '999999999', '1000000000', '5.0', '2.5', '1.50', '1.8399999999999999', '59237.2449', '1.84561', '', '.5', '5.', '1e3', '-1', '9'.repeat(30), '12.3.4', 'x'];
    const shown = (r: UnpackResult) => (r.ok ? [...r.values] : r.why);
    let fast = 0;
    for (let n = 0; n < 3000; n++) {
      const cells = rand() < 0.5 ? national : own;
      const refs = [...cells.keys()];
      const odd = rand() < 0.3 ? 0.05 : 0;
      const pairs = refs.filter(() => rand() < 0.7).map((ref) => `${ref}=${rand() < odd ? pick(numbers) : String(Math.floor(rand() * 1000))}`);
      const fault = rand();
      if (fault < 0.1 && pairs.length > 1) pairs.reverse();
      else if (fault < 0.2) pairs.push(pick(pairs.length ? pairs : ['a=1']));
      else if (fault < 0.3) pairs.splice(Math.floor(rand() * (pairs.length + 1)), 0, pick(['no.such=1', 'a', '=3', 'a=1=2', 'a.b;', 'A=1', ' a=1']));
      let text = pairs.join(';');
      if (rand() < 0.1) text += ';';
      // A long month continues in further cells; a cut may fall within a pair.
      const chunks: string[] = [];
      while (text.length > 0 && rand() < 0.15) {
        const at = Math.floor(rand() * text.length);
        chunks.push(text.slice(0, at));
        text = text.slice(at + (text[at] === ';' && rand() < 0.8 ? 1 : 0));
      }
      chunks.push(text);
      const got = unpackMonth(chunks, cells);
      expect(shown(got), JSON.stringify(chunks)).toEqual(shown(unpackPairs(chunks, cells)));
      if (got.ok) fast++;
    }
    // Enough rows of both outcomes for the comparison to mean something.
    expect(fast).toBeGreaterThan(500);
    expect(fast).toBeLessThan(2800);
  });
});
