/**
 * The template a data file works in when its settings name none: the one
 * its figures are in (a file kept before the current ledger existed stays on
 * its template; the one with the most months of figures if several), else the
 * registry's default, the one new data files start with.
 */
import type { BackendContext } from '../context';
import { getSetting } from '../store/settings';

export const SETTING_DEFAULT_TEMPLATE = 'template.default';

export function defaultTemplateId(ctx: BackendContext): string {
  const chosen = getSetting(ctx.store.db, SETTING_DEFAULT_TEMPLATE);
  if (chosen && ctx.templates.get(chosen)) return chosen;
  const used = ctx.store.db
    .prepare('SELECT template_id AS id FROM month_values GROUP BY template_id ORDER BY COUNT(*) DESC, MAX(year) DESC')
    .all() as { id: string }[];
  return used.find((u) => ctx.templates.get(u.id))?.id ?? ctx.templates.defaultId() ?? '';
}
