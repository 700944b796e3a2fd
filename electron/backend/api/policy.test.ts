import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { METHODS } from '../../../shared/api/contract';
import { completeMonth } from '../store/months';
import { findUnitByCode } from '../store/units';
import { snapshot, tempBackend, type TempBackend } from '../testing/tempBackend';
import { handlers } from './handlers';
import { joinHandlers } from './policy';

describe('joining handler maps', () => {
  it('refuses a method that two maps both name', () => {
    const a = { 'units.list': () => [] };
    const b = { 'templates.list': () => [], 'units.list': () => [] };
    expect(() => joinHandlers(a, b)).toThrow('Method units.list has two handlers');
  });

  it('keeps every handler of distinct maps', () => {
    const a = { 'units.list': () => 1 };
    const b = { 'templates.list': () => 2 };
    const joined = joinHandlers(a, b);
    expect(Object.keys(joined).sort()).toEqual(['templates.list', 'units.list']);
    expect(joined['templates.list']()).toBe(2);
  });

  it('the backend has exactly one handler for every method of the contract', () => {
    expect(Object.keys(handlers).sort()).toEqual([...METHODS].sort());
  });
});

describe('the contract names each method once', () => {
  it('no two method files of shared/api/methods declare the same method', async () => {
    const dir = path.resolve(import.meta.dirname, '../../../shared/api/methods');
    const owner = new Map<string, string>();
    const twice: string[] = [];
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    for (const file of files) {
      const mod = (await import(path.join(dir, file))) as Record<string, unknown>;
      for (const [name, inputs] of Object.entries(mod)) {
        if (!name.endsWith('Inputs') || typeof inputs !== 'object' || inputs === null) continue;
        for (const method of Object.keys(inputs)) {
          const first = owner.get(method);
          if (first !== undefined) twice.push(`${method}: ${first}, ${file}`);
          else owner.set(method, file);
        }
      }
    }
    expect(owner.size).toBeGreaterThanOrEqual(METHODS.length);
    expect(twice).toEqual([]);
  });
});

describe('the month lock, named where demo.load is registered', () => {
  let b: TempBackend | undefined;
  afterEach(() => b?.dispose());

  it('refuses to load the demo over a completed month, and changes nothing', async () => {
    b = await tempBackend();
    await b.invoke('demo.load', {});
    const db = b.ctx.store.db;
    const demo = findUnitByCode(db, 'DEMO-SN2017');
    expect(demo).toBeDefined();
    completeMonth(db, { unitId: demo!.id, templateId: 'suining-2017', year: 2017, month: 7 }, '张三', []);
    const before = snapshot(b);
    const r = await b.call('demo.load', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'locked', where: '7月' } });
    expect(snapshot(b)).toBe(before);
  });
});
