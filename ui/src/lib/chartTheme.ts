// The chart's colours, read from the app's CSS variables. They are light-dark() pairs, which a
// canvas cannot take, so each is resolved through a probe element to the colour in use now.

export const CHART_VARS = ['--text', '--muted', '--line', '--chart-1', '--chart-2', '--chart-3', '--chart-4', '--chart-trend', '--chart-limit', '--chart-bar'] as const;
export type ChartColors = Record<(typeof CHART_VARS)[number], string>;

export function readColors(host: HTMLElement): ChartColors {
  const probe = document.createElement('span');
  probe.hidden = true;
  host.appendChild(probe);
  const colors = {} as ChartColors;
  for (const v of CHART_VARS) {
    // Set through the CSSOM, which the app's CSP (no inline styles) allows.
    probe.style.color = `var(${v})`;
    colors[v] = getComputedStyle(probe).color;
  }
  probe.remove();
  return colors;
}

/** Calls `onchange` when the theme changes: the setting (data-theme) or the system's. */
export function watchTheme(onchange: () => void): () => void {
  const observer = new MutationObserver(onchange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  const media = window.matchMedia('(prefers-color-scheme: dark)');
  media.addEventListener('change', onchange);
  return () => {
    observer.disconnect();
    media.removeEventListener('change', onchange);
  };
}
