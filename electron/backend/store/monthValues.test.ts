import { describe, expect, it } from 'vitest';
import { toScaled } from '../../../shared/values/precision';
import { addScaledFigures, levelRowKey, scaledFigures, type LevelRowKey } from './monthValues';

/** What forEachFigure and toScaled make of a row, place by place (-1 where empty). */
function slowly(data: string, places: number[]): number[] {
  return data.split(',').map((text, i) => (text === '' ? -1 : toScaled(Number(text), places[i] ?? 0)));
}

function fast(data: string, places: number[]): number[] {
  const out = new Float64Array(places.length + 4);
  const n = scaledFigures(data, Uint8Array.from(places), out);
  return [...out.subarray(0, n)];
}

/** Small deterministic generator so a failure can be replayed. */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

describe('scaledFigures', () => {
  it('reads each place as toScaled(Number(text)) would, empty places as -1', () => {
    const places = [0, 2, 4, 0, 2, 1];
    expect(fast('12,,3.5,0,0.07,', places)).toEqual([12, -1, 35000, 0, 7, -1]);
    expect(fast('12,,3.5,0,0.07,', places)).toEqual(slowly('12,,3.5,0,0.07,', places));
  });

  it('agrees with toScaled where decimals exceed the place (rounding) and where digits are too many to add exactly', () => {
    const places = [2, 2, 0, 1, 4, 0, 2];
    const data = ['1.005', '0.125', '2.5', '0.05', '123456789012.123456', '98765432109876543', '1234567890123.45'].join(',');
    expect(fast(data, places)).toEqual(slowly(data, places));
  });

  it('agrees with toScaled on random rows of every precision', () => {
    const rnd = random(7);
    for (let row = 0; row < 2000; row++) {
      const places = Array.from({ length: 1 + Math.floor(rnd() * 30) }, () => Math.floor(rnd() * 5));
      const texts = places.map(() => {
        if (rnd() < 0.3) return '';
        const whole = String(Math.floor(rnd() * 10 ** Math.floor(rnd() * 19)));
        const decimals = Math.floor(rnd() * 7);
        return decimals === 0 ? whole : `${whole}.${String(Math.floor(rnd() * 10 ** decimals)).padStart(decimals, '0')}`;
      });
      // A row stops at its last filled place (encodeMonth joins a sparse array).
      while (texts.length > 1 && texts[texts.length - 1] === '') texts.pop();
      const data = texts.join(',');
      expect(fast(data, places), data).toEqual(slowly(data, places));
    }
  });
});

describe('scaledFigures on a level row', () => {
  it('reads from where the figures start, after the row key levelRowKey reads', () => {
    const places = [0, 2, 4, 0];
    for (const [row, unitId, month, layout, data] of [
      ['7 12 v5:ledger-2021 12,,3.5,0', 7, 12, 'v5:ledger-2021', '12,,3.5,0'],
      ['123456 1 ed7852ac3ab2722eef6977d7 ,0.07', 123456, 1, 'ed7852ac3ab2722eef6977d7', ',0.07'],
    ] as const) {
      const key: LevelRowKey = { unitId: 0, month: 0, layoutStart: 0, layoutEnd: 0 };
      levelRowKey(row, key);
      expect([key.unitId, key.month, row.slice(key.layoutStart, key.layoutEnd)]).toEqual([unitId, month, layout]);
      const out = new Float64Array(8);
      const n = scaledFigures(row, Uint8Array.from(places), out, key.layoutEnd + 1);
      expect([...out.subarray(0, n)], row).toEqual(slowly(data, places));
    }
  });

  it('reads rows longer than its reused buffer, and shorter ones after them', () => {
    const rnd = random(11);
    for (const length of [10, 5000, 20, 40000, 3]) {
      const places = Array.from({ length }, () => Math.floor(rnd() * 3));
      const data = places.map(() => (rnd() < 0.2 ? '' : String(Math.floor(rnd() * 100000)))).join(',') + ',1';
      places.push(0);
      expect(fast(data, places), `${length} places`).toEqual(slowly(data, places));
    }
  });
});

describe('scaledFigures where Node lacks latin1Write', () => {
  it('copies rows with TextEncoder#encodeInto and reads the same', () => {
    const proto = Buffer.prototype as { latin1Write?: unknown };
    const own = proto.latin1Write;
    expect(typeof own).toBe('function');
    const rnd = random(5);
    const rows = Array.from({ length: 200 }, () => {
      const places = Array.from({ length: 1 + Math.floor(rnd() * 40) }, () => Math.floor(rnd() * 5));
      const data = places.map(() => (rnd() < 0.3 ? '' : (rnd() * 10 ** Math.floor(rnd() * 8)).toFixed(Math.floor(rnd() * 5)))).join(',') + ',0';
      places.push(0);
      return { data, places };
    });
    proto.latin1Write = undefined;
    try {
      for (const { data, places } of rows) expect(fast(data, places), data).toEqual(slowly(data, places));
    } finally {
      proto.latin1Write = own;
    }
  });
});

describe('addScaledFigures', () => {
  it('adds each filled figure to the running sum of its place and marks the place filled, over random rows', () => {
    const rnd = random(23);
    const width = 30;
    const places = Array.from({ length: width }, () => Math.floor(rnd() * 4));
    const sums = new Float64Array(width);
    const filled = new Uint8Array(width);
    const expected = new Array<number>(width).fill(0);
    const expectedFilled = new Array<number>(width).fill(0);
    for (let row = 0; row < 300; row++) {
      const texts = places.map((p) => (rnd() < 0.4 ? '' : (rnd() * 10 ** Math.floor(rnd() * 7)).toFixed(Math.floor(rnd() * (p + 2)))));
      while (texts.length > 1 && texts[texts.length - 1] === '') texts.pop();
      const data = texts.join(',');
      const want = slowly(data, places);
      const out = new Float64Array(width);
      const n = addScaledFigures(`9 4 L ${data}`, Uint8Array.from(places), out, sums, filled, 6);
      expect([...out.subarray(0, n)], data).toEqual(want);
      want.forEach((v, i) => {
        if (v < 0) return;
        expected[i] += v;
        expectedFilled[i] = 1;
      });
    }
    expect([...sums]).toEqual(expected);
    expect([...filled]).toEqual(expectedFilled);
    expect(expectedFilled).toContain(1);
  });
});
