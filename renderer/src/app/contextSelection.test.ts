import { describe, expect, it } from 'vitest';
import { createContextSelection, selectedPeriod, type SelectionStorage } from './contextSelection';

const memory = (initial: Record<string, string> = {}): SelectionStorage & { data: Map<string, string> } => {
  const data = new Map(Object.entries(initial));
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
};

describe('the context selection', () => {
  it('keeps what was chosen, merges patches and tells subscribers once per change', () => {
    const store = createContextSelection(memory());
    let told = 0;
    store.subscribe(() => told++);
    store.update({ year: 2017 });
    store.update({ templateId: 'national-2021' });
    store.update({ year: 2017 });
    expect(store.get()).toEqual({ year: 2017, templateId: 'national-2021' });
    expect(told).toBe(2);
  });

  it('survives a reload of the page through its storage', () => {
    const storage = memory();
    createContextSelection(storage).update({ year: 2018, unitCode: 'SN-CZJ', months: { fromMonth: 3, toMonth: 5 } });
    expect(createContextSelection(storage).get()).toEqual({ year: 2018, unitCode: 'SN-CZJ', months: { fromMonth: 3, toMonth: 5 } });
  });

  it('ignores a stored entry that is not a selection, and refuses patches that are not one', () => {
    expect(createContextSelection(memory({ 'ledger.context': '{"year":"2017"}' })).get()).toEqual({});
    expect(createContextSelection(memory({ 'ledger.context': 'not json' })).get()).toEqual({});
    const store = createContextSelection(memory());
    store.update({ year: 1800 });
    store.update({ months: { fromMonth: 6, toMonth: 2 } });
    expect(store.get()).toEqual({});
  });

  it('holds when storage refuses to write', () => {
    const store = createContextSelection({
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    });
    store.update({ year: 2020 });
    expect(store.get()).toEqual({ year: 2020 });
  });
});

describe('the period a page opens on', () => {
  const ended = { year: 2026, fromMonth: 10, toMonth: 10 };
  it('is the page default until something is chosen', () => {
    expect(selectedPeriod({}, ended)).toEqual(ended);
  });
  it('is the whole of a year chosen elsewhere, the default months only in the default year', () => {
    expect(selectedPeriod({ year: 2017 }, ended)).toEqual({ year: 2017, fromMonth: 1, toMonth: 12 });
    expect(selectedPeriod({ year: 2026 }, ended)).toEqual(ended);
  });
  it('is the months chosen, in the year chosen', () => {
    expect(selectedPeriod({ year: 2017, months: { fromMonth: 3, toMonth: 3 } }, ended)).toEqual({ year: 2017, fromMonth: 3, toMonth: 3 });
  });
});
