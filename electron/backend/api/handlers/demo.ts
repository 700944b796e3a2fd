/** Demo data: the 2017 Suining figures, written through the same month locks as any value write. */
import { loadDemo } from '../../demo/loadDemo';
import type { HandlerMap } from '../types';
import { writeGuards } from './values';

export const demoHandlers: HandlerMap<'demo.load'> = {
  'demo.load': (ctx) =>
    loadDemo(ctx, (c, unitId, templateId, year, month) => {
      for (const g of writeGuards) g(c, unitId, templateId, year, month);
    }),
};
