/** Demo data: the 2017 Suining figures or the current ledger's city, written under the same month locks as any value write; and removing them. */
import { selfUnit } from '../../context';
import { demoUnits } from '../../demo/demoUnits';
import { loadCityDemo } from '../../demo/loadCityDemo';
import { loadDemo } from '../../demo/loadDemo';
import { removeDemo } from '../../demo/removeDemo';
import { monthsOpen } from '../../writePolicy';
import { writes } from '../policy';
import type { HandlerMap } from '../types';

export const demoHandlers: HandlerMap<'demo.load' | 'demo.status' | 'demo.remove'> = {
  'demo.load': writes([monthsOpen], async (ctx, input, values) => {
    // A file with a unit of its own holds real work: keep a copy from before the demo is mixed in.
    const backup = selfUnit(ctx) ? (await ctx.store.backup('before-demo')).name : null;
    return { ...(input.set === 'city' ? loadCityDemo(ctx, values) : loadDemo(ctx, values)), backup };
  }),

  'demo.status': (ctx) => ({ units: demoUnits(ctx.store.db).map((u) => ({ code: u.code, name: u.name })) }),

  'demo.remove': (ctx) => removeDemo(ctx),
};
