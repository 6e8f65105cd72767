/** The reader's theme: their system's (prefers-color-scheme) unless they chose light or dark. */
export type Theme = 'system' | 'light' | 'dark';
export const themes: readonly Theme[] = ['system', 'light', 'dark'];

const storageKey = 'shipshape.theme';

/** The theme kept in this browser; `system` when none was chosen or storage is unavailable. */
export function storedTheme(): Theme {
  try {
    const value = window.localStorage.getItem(storageKey);
    return value === 'light' || value === 'dark' ? value : 'system';
  } catch {
    return 'system';
  }
}

/**
 * Shows `theme` on <html>: `data-theme` sets the color-scheme that picks each colour token's side
 * (styles.css); without it the system's preference decides.
 */
export function applyTheme(theme: Theme): void {
  if (theme === 'system') document.documentElement.removeAttribute('data-theme');
  else document.documentElement.setAttribute('data-theme', theme);
}

/** Applies `theme` and keeps it for the next visit. */
export function chooseTheme(theme: Theme): void {
  applyTheme(theme);
  try {
    if (theme === 'system') window.localStorage.removeItem(storageKey);
    else window.localStorage.setItem(storageKey, theme);
  } catch {
    // Private modes may refuse storage: the choice still holds for this page.
  }
}
