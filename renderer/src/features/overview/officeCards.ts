/**
 * Cards an office sees on the overview, below the figures. The submission
 * summary (received this month / who is missing) comes from the office
 * feature.
 */
import type { ComponentType } from 'react';
import { SubmissionSummaryCard } from '../office';

export interface OfficeCardProps {
  templateId: string;
  year: number;
}

export const OFFICE_CARDS: ComponentType<OfficeCardProps>[] = [SubmissionSummaryCard];
