/**
 * Choosing a file with a button in Chinese: the browser's own file input
 * shows its label in the system's language ("Choose File"), so it stays
 * hidden and this button opens it.
 */
import { useRef, useState } from 'react';
import { t } from '../i18n/catalog';

interface Props {
  label: string;
  accept: string;
  disabled?: boolean;
  onPick(file: File | undefined): void;
}

export function FilePicker({ label, accept, disabled, onPick }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  return (
    <span className="file-picker">
      <button type="button" disabled={disabled} onClick={() => input.current?.click()}>
        {label}
      </button>
      <span className="muted">{chosen ?? t('common.noFileChosen')}</span>
      <input
        ref={input}
        type="file"
        accept={accept}
        hidden
        aria-label={label}
        onChange={(e) => {
          const file = e.target.files?.[0];
          setChosen(file?.name ?? null);
          onPick(file);
          // Choosing the same file again (after fixing it in Excel) must read it again.
          e.target.value = '';
        }}
      />
    </span>
  );
}
