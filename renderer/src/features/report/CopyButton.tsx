/** Copies a text to the clipboard and says so for a moment. */
import { useState } from 'react';
import { t, type MessageKey } from '../../i18n/catalog';

export function CopyButton({ text, label, name }: { text: string; label: MessageKey; name: string }) {
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'copied' } | { kind: 'failed'; message: string }>({ kind: 'idle' });

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setState({ kind: 'copied' });
      setTimeout(() => setState({ kind: 'idle' }), 2000);
    } catch (e) {
      setState({ kind: 'failed', message: (e as Error).message });
    }
  }

  return (
    <span className="report-copy">
      <button type="button" onClick={() => void copy()} aria-label={`${t(label)}：${name}`}>
        {state.kind === 'copied' ? t('report.copied') : t(label)}
      </button>
      {state.kind === 'failed' && <span className="error">{t('report.copyFailed', { message: state.message })}</span>}
    </span>
  );
}
