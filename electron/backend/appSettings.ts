/**
 * The app's settings as the contract names them, read from the settings
 * table: below every feature that needs them (report drafts, core handlers).
 */
import type { AppSettings } from '../../shared/api/methods/core';
import { SETTING_OPERATOR, type BackendContext } from './context';
import { allSettings } from './store/settings';

const DEFAULT_TEMPLATE = 'suining-2017';

export function settingsOf(ctx: BackendContext): AppSettings {
  const s = allSettings(ctx.store.db);
  return {
    operator: s[SETTING_OPERATOR] ?? '',
    contactPerson: s['contact.person'] ?? '',
    contactPhone: s['contact.phone'] ?? '',
    defaultTemplateId: s['template.default'] ?? (ctx.templates.get(DEFAULT_TEMPLATE) ? DEFAULT_TEMPLATE : (ctx.templates.all()[0]?.id ?? '')),
  };
}
