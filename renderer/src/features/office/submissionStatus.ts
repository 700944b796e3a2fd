/** How each submission status looks: a label, an icon, and a class whose colours differ in grey-scale too. */
import type { SubmissionStatus } from '../../../../shared/api/methods/office';
import type { MessageKey } from '../../i18n/catalog';

export const STATUS_ORDER: SubmissionStatus[] = ['completed', 'received', 'noData', 'corrected', 'missing', 'overdue', 'notDue'];

export const STATUS_LOOK: Record<SubmissionStatus, { label: MessageKey; icon: string }> = {
  completed: { label: 'office.status.completed', icon: '✔' },
  received: { label: 'office.status.received', icon: '●' },
  noData: { label: 'office.status.noData', icon: '∅' },
  corrected: { label: 'office.status.corrected', icon: '↻' },
  missing: { label: 'office.status.missing', icon: '○' },
  overdue: { label: 'office.status.overdue', icon: '!' },
  notDue: { label: 'office.status.notDue', icon: '·' },
};
