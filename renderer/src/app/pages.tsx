/** The app's pages, in navigation order; each feature adds its page here. */
import type { ComponentType } from 'react';
import type { Role } from '../../../shared/domain';
import { LedgerPage } from '../features/ledger/LedgerPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { DirectoryPage } from '../features/directory/DirectoryPage';
import { OfficePage } from '../features/office/OfficePage';
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

export const PAGES: PageDef[] = [
  { id: 'ledger', label: 'nav.ledger', component: LedgerPage },
  { id: 'settings', label: 'nav.settings', component: SettingsPage },
  { id: 'directory', label: 'nav.directory', component: DirectoryPage, roles: ['aggregator'] },
  { id: 'office', label: 'nav.office', component: OfficePage, roles: ['aggregator'] },
  { id: 'export', label: 'nav.export', component: ExportPage },
  { id: 'import', label: 'nav.import', component: ImportPage, roles: ['aggregator'] },
];
