/** Demo data: the 2017 Suining figures as a unit of this data file, or the current ledger's city demo. */
import { z } from 'zod';

export const demoInputs = {
  /** set: the 2017 Suining figures (default), or the current ledger's city demo (2023–2025, a city with its units). */
  'demo.load': z.strictObject({ set: z.enum(['suining-2017', 'city']).default('suining-2017') }),
};

export interface DemoLoaded {
  unitCode: string;
  unitName: string;
  templateId: string;
  year: number;
  /** The demo unit became this data file's own unit (the file was not set up). */
  becameSelf: boolean;
  cellsWritten: number;
}

export interface DemoOutputs {
  'demo.load': DemoLoaded;
}
