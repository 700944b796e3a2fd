/** Demo data: the 2017 Suining figures as a unit of this data file, and taking them out again. */
import { emptyInput } from '../common';

export const demoInputs = {
  'demo.load': emptyInput,
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
