/** Demo data: the 2017 Suining figures, written under the same month locks as any value write. */
import { loadDemo } from '../../demo/loadDemo';
import { monthsOpen } from '../../writePolicy';
import { writes } from '../policy';
import type { HandlerMap } from '../types';

export const demoHandlers: HandlerMap<'demo.load'> = {
  'demo.load': writes([monthsOpen], (ctx, _input, values) => loadDemo(ctx, values)),
};
