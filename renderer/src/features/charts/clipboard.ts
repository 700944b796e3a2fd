/** Copies text for pasting into Excel/WPS; falls back to a hidden textarea where the Clipboard API is refused. */
import { t } from '../../i18n/catalog';

export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    if (!ok) throw new Error(t('common.clipboardDenied'));
  }
}
