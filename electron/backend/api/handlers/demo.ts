/** Demo data: the 2017 Suining figures or the current ledger's city, written under the same month locks as any value write. */
import { loadCityDemo } from '../../demo/loadCityDemo';
import { loadDemo } from '../../demo/loadDemo';
import { monthsOpen } from '../../writePolicy';
import { writes } from '../policy';
import type { HandlerMap } from '../types';

export const demoHandlers: HandlerMap<'demo.load'> = {
  'demo.load': writes([monthsOpen], (ctx, input, values) => (input.set === 'city' ? loadCityDemo(ctx, values) : loadDemo(ctx, values))),
};
