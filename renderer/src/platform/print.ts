/**
 * Printing a part of a page: the browser's (or Electron's) print dialog over
 * what `target` selects, on A4 in the given orientation, with a title at the
 * top and "第 N 页，共 M 页" at the bottom of every page (CSS page margin
 * boxes). The page-level rules are injected at print time because their text
 * comes from the message catalog; `print.css` hides everything else.
 */
export interface PrintJob {
  /** CSS selector of what to print (all matches). */
  target: string;
  /** Printed at the top of every page. */
  title: string;
  orientation: 'portrait' | 'landscape';
  /** Footer text with {page} and {pages}. */
  pageNumber: string;
}

const STYLE_ID = 'ledger-print-page';
const TARGET_ATTR = 'data-print-target';

/** A CSS string literal: quotes and backslashes escaped, line breaks as spaces. */
export function cssString(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/[\r\n]+/g, ' ')}"`;
}

/** '第 {page} 页，共 {pages} 页' → "第 " counter(page) " 页，共 " counter(pages) " 页" */
export function pageNumberContent(template: string): string {
  return template
    .split(/(\{pages?\})/)
    .filter((part) => part !== '')
    .map((part) => (part === '{page}' ? 'counter(page)' : part === '{pages}' ? 'counter(pages)' : cssString(part)))
    .join(' ');
}

export function pageRules(job: Pick<PrintJob, 'title' | 'orientation' | 'pageNumber'>): string {
  return [
    `@page { size: A4 ${job.orientation}; margin: 16mm 12mm 14mm;`,
    `  @top-center { content: ${cssString(job.title)}; font-size: 10pt; color: #333; }`,
    `  @bottom-center { content: ${pageNumberContent(job.pageNumber)}; font-size: 9pt; color: #333; } }`,
  ].join('\n');
}

export function endPrint(): void {
  document.getElementById(STYLE_ID)?.remove();
  document.documentElement.removeAttribute('data-printing');
  for (const el of document.querySelectorAll(`[${TARGET_ATTR}]`)) el.removeAttribute(TARGET_ATTR);
}

/** Marks the target and sets the page up; undone when printing ends (`afterprint`). */
export function beginPrint(job: PrintJob): boolean {
  endPrint();
  const targets = document.querySelectorAll(job.target);
  if (targets.length === 0) return false;
  for (const el of targets) el.setAttribute(TARGET_ATTR, '');
  document.documentElement.setAttribute('data-printing', job.orientation);
  const style = document.createElement('style');
  style.id = STYLE_ID;
  style.textContent = pageRules(job);
  document.head.appendChild(style);
  window.addEventListener('afterprint', endPrint, { once: true });
  return true;
}

export function printPart(job: PrintJob): void {
  if (beginPrint(job)) window.print();
}
