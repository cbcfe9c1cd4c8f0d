// The colours the exercise illustrations are drawn in, read from the theme (--text and
// --soleus-accent, resolved for light or dark) and kept current when the theme changes.
let colors = $state({ ink: '#17201b', accent: '#c2410c' });
let watching = false;

function resolve(variable: string): string {
  const probe = document.createElement('span');
  probe.style.color = `var(${variable})`;
  probe.hidden = true;
  document.body.append(probe);
  const c = getComputedStyle(probe).color;
  probe.remove();
  return c;
}

function read(): void {
  colors = { ink: resolve('--text'), accent: resolve('--soleus-accent') };
}

/** The current illustration colours. */
export const ink = {
  get colors(): { ink: string; accent: string } {
    return colors;
  },
};

/** Starts following the theme (once); call it when an illustration mounts, not while rendering. */
export function watchInk(): void {
  if (watching || typeof document === 'undefined') return;
  watching = true;
  read();
  // The theme setting sets data-theme on the root; "system" follows the OS preference.
  new MutationObserver(read).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', read);
}
