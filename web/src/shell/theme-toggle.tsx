import { useState } from 'react';
import { chooseTheme, storedTheme, type Theme, themes } from './theme';

const labels: Record<Theme, string> = { system: 'System', light: 'Light', dark: 'Dark' };

/** The header's theme choice: follow the system, or always light or dark (kept in this browser). */
export function ThemeToggle() {
  const [theme, setTheme] = useState<Theme>(storedTheme);
  return (
    <fieldset className="theme-toggle">
      <legend className="visually-hidden">Theme</legend>
      {themes.map((choice) => (
        <button
          key={choice}
          type="button"
          aria-pressed={theme === choice}
          onClick={() => {
            chooseTheme(choice);
            setTheme(choice);
          }}
        >
          {labels[choice]}
        </button>
      ))}
    </fieldset>
  );
}
