/** 打印: prints one part of the page (a table, the charts, the draft) on A4, without the app around it. */
import { t, type MessageKey } from '../i18n/catalog';
import { printPart } from '../platform/print';

interface Props {
  /** CSS selector of what to print. */
  target: string;
  /** The heading of every printed page: who, what, which period. */
  title: string;
  orientation?: 'portrait' | 'landscape';
  disabled?: boolean;
  /** When a page has more than one thing to print: which one. */
  label?: MessageKey;
}

export function PrintButton({ target, title, orientation = 'portrait', disabled, label = 'print.action' }: Props) {
  return (
    <button type="button" disabled={disabled} onClick={() => printPart({ target, title, orientation, pageNumber: t('print.pageNumber') })}>
      {t(label)}
    </button>
  );
}
