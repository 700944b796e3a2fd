/** Demo data: the 2017 Suining figures as a unit of this data file. */
import { emptyInput } from '../common';

export const demoInputs = {
  'demo.load': emptyInput,
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
