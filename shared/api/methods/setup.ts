/** First run: whose data file this is and what it does (fill in, or merge). */
import { z } from 'zod';
import { ROLES, UNIT_KINDS } from '../../domain';
import { unitCodeSchema, unitNameSchema } from '../common';
import type { AppStatus } from './app';

export const setupInputs = {
  'setup.init': z.strictObject({
    unitCode: unitCodeSchema,
    unitName: unitNameSchema,
    role: z.enum(ROLES),
    unitKind: z.enum(UNIT_KINDS).default('部门'),
    operator: z.string().trim().max(40).optional(),
  }),
};

export interface SetupOutputs {
  'setup.init': AppStatus;
}
