/** The app's pages, in navigation order; each feature adds its page here (ids must be unique: a test checks). */
import type { ComponentType } from 'react';
import type { Role } from '../../../shared/domain';
import { LedgerPage } from '../features/ledger/LedgerPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { ReportPage } from '../features/report/ReportPage';
import { DirectoryPage } from '../features/directory/DirectoryPage';
import { OfficePage } from '../features/office/OfficePage';
import { OverviewPage } from '../features/overview/OverviewPage';
import { ChartsPage } from '../features/charts/ChartsPage';
import { ExportPage } from '../features/export/ExportPage';
import { ImportPage } from '../features/import/ImportPage';
import type { MessageKey } from '../i18n/catalog';

export interface PageDef {
  id: string;
  label: MessageKey;
  component: ComponentType;
  /** Pages only shown for some roles; all roles when absent. */
  roles?: Role[];
}

/** 首页 first (the page opened by default), 设置 last. */
export const PAGES: PageDef[] = [
  { id: 'home', label: 'nav.home', component: OverviewPage },
  { id: 'ledger', label: 'nav.ledger', component: LedgerPage },
  { id: 'charts', label: 'nav.charts', component: ChartsPage },
  { id: 'export', label: 'nav.export', component: ExportPage },
  { id: 'report', label: 'nav.report', component: ReportPage },
  { id: 'directory', label: 'nav.directory', component: DirectoryPage, roles: ['aggregator'] },
  { id: 'office', label: 'nav.office', component: OfficePage, roles: ['aggregator'] },
  { id: 'import', label: 'nav.import', component: ImportPage, roles: ['aggregator'] },
  { id: 'settings', label: 'nav.settings', component: SettingsPage },
];
