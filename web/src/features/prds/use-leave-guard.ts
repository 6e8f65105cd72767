import { useEffect } from 'react';

const question = 'You have unsaved changes. Leave without saving them?';

/**
 * While `dirty`, asks before the page is left: the browser's own prompt on reload or close, and a
 * confirm on a click of any link to another page of the app (links, the header, the breadcrumbs)
 * and on the Back button.
 */
export function useLeaveGuard(dirty: boolean): void {
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    // In the capture phase on the document: before the router's own click handler sees the click.
    const ask = (event: MouseEvent) => {
      if (!leavesPage(event)) return;
      if (window.confirm(question)) return;
      event.preventDefault();
      event.stopPropagation();
    };
    // Back cannot be cancelled, so this page gets a second history entry: Back first lands on the
    // page itself, where leaving can be asked about; staying puts the entry back.
    if (!isGuardEntry(window.history.state)) window.history.pushState(guardEntry, '', window.location.href);
    const askOnBack = () => {
      if (isGuardEntry(window.history.state)) return;
      if (!window.confirm(question)) {
        window.history.pushState(guardEntry, '', window.location.href);
        return;
      }
      window.removeEventListener('popstate', askOnBack);
      window.history.back();
    };
    window.addEventListener('beforeunload', warn);
    window.addEventListener('popstate', askOnBack);
    document.addEventListener('click', ask, true);
    return () => {
      window.removeEventListener('beforeunload', warn);
      window.removeEventListener('popstate', askOnBack);
      document.removeEventListener('click', ask, true);
    };
  }, [dirty]);
}

const guardEntry = { leaveGuard: true };

function isGuardEntry(state: unknown): boolean {
  return typeof state === 'object' && state !== null && 'leaveGuard' in state;
}

/** Whether a click follows a link to another page in this tab. */
function leavesPage(event: MouseEvent): boolean {
  if (event.defaultPrevented || event.button !== 0) return false;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return false;
  const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
  if (!(link instanceof HTMLAnchorElement) || link.target === '_blank' || link.hasAttribute('download')) {
    return false;
  }
  const url = new URL(link.href, window.location.href);
  return url.pathname !== window.location.pathname || url.search !== window.location.search;
}
