import type { FactSource } from '../facts';
import type { ReportSectionId, Segment } from '../model';
import type { Voice } from '../voice';

export interface NarrativeInput {
  facts: FactSource;
  voice: Voice;
}

export interface PlannedParagraph {
  id: string;
  section: ReportSectionId;
  segments: Segment[];
}

export interface TablePlan {
  id: string;
  section: ReportSectionId | 'appendix';
  title: string;
  /** Template sections stacked into this table (several make one official table, e.g. 二). */
  parts: string[];
}

/** What a template's report says, and which tables it shows. */
export interface NarrativePlan {
  paragraphs(input: NarrativeInput): PlannedParagraph[];
  /** Every paragraph id (or family stem: key for key.1 …) it may write; required of a plan whose template has a reportOutline. */
  paragraphIds?: readonly string[];
  tables: TablePlan[];
}
