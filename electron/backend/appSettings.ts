/**
 * The app's settings as the contract names them, read from the settings
 * table: below every feature that needs them (report drafts, core handlers).
 */
import type { AppSettings } from '../../shared/api/methods/settings';
import { SETTING_OPERATOR, type BackendContext } from './context';
import { allSettings } from './store/settings';
import { defaultTemplateId } from './templates/defaultTemplate';

export function settingsOf(ctx: BackendContext): AppSettings {
  const s = allSettings(ctx.store.db);
  return {
    operator: s[SETTING_OPERATOR] ?? '',
    contactPerson: s['contact.person'] ?? '',
    contactPhone: s['contact.phone'] ?? '',
    defaultTemplateId: defaultTemplateId(ctx),
  };
}
