export { SubmissionSummaryCard } from './SubmissionSummaryCard';
