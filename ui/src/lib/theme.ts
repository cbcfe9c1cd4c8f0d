// Applies the theme setting: "system" follows the operating system (prefers-color-scheme in
// app.css); "light" and "dark" override it.
import type { Theme } from './bindings';

export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): void {
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
}
