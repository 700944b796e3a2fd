/**
 * Asks before the window closes or another page is opened while typed
 * values are not saved (still saving, or refused as invalid).
 */
import { useEffect } from 'react';

export function useLeaveGuard(active: boolean, question: string) {
  useEffect(() => {
    if (!active) return;
    const onUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = question;
      return question;
    };
    const onNav = (e: MouseEvent) => {
      const link = (e.target as Element | null)?.closest?.('a[href^="#/"]');
      if (link && !window.confirm(question)) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    window.addEventListener('beforeunload', onUnload);
    document.addEventListener('click', onNav, true);
    return () => {
      window.removeEventListener('beforeunload', onUnload);
      document.removeEventListener('click', onNav, true);
    };
  }, [active, question]);
}
