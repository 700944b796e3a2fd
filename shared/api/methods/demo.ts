/** Demo data: the 2017 Suining figures as a unit of this data file, or the current ledger's city demo; and taking them out again. */
import { z } from 'zod';
import { emptyInput } from '../common';

export const demoInputs = {
  /** set: the 2017 Suining figures (default), or the current ledger's city demo (2023–2025, a city with its units). */
  'demo.load': z.strictObject({ set: z.enum(['suining-2017', 'city']).default('suining-2017') }),
  /** Which units are demo data (设置 shows 移除演示数据 when there are any). */
  'demo.status': emptyInput,
  /** Deletes the demo units with their figures and history, after a backup. */
  'demo.remove': emptyInput,
};

export interface DemoLoaded {
  unitCode: string;
  unitName: string;
  templateId: string;
  year: number;
  /** The demo unit became this data file's own unit (the file was not set up). */
  becameSelf: boolean;
  cellsWritten: number;
  /** The backup taken first when the file already held a unit of its own (its name in 设置), else null. */
  backup: string | null;
}

export interface DemoStatus {
  units: { code: string; name: string }[];
}

export interface DemoRemoved {
  removedUnits: { code: string; name: string }[];
  /** The backup taken before removing (its name in 设置 → 备份). */
  backup: string;
  /** The demo was this file's own unit: the file is back to first-run setup. */
  setupReset: boolean;
}

export interface DemoOutputs {
  'demo.load': DemoLoaded;
  'demo.status': DemoStatus;
  'demo.remove': DemoRemoved;
}
