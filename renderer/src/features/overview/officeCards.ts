/**
 * Cards an office sees on the overview, below the figures. The submission
 * summary (received this month / who is missing) comes from the import
 * feature; add its card to this list.
 */
import type { ComponentType } from 'react';

export interface OfficeCardProps {
  templateId: string;
  year: number;
}

export const OFFICE_CARDS: ComponentType<OfficeCardProps>[] = [];
