// uPlot, loaded when a chart is first drawn (only the Log screen needs it).
//
// uPlot builds a number formatter from navigator.language when it loads; a machine whose
// locale is "C" (LANG=C, common on Linux) reports that as the language, Intl refuses it, and
// uPlot fails to load. A language Intl cannot use is replaced with en-US first.
import type uPlot from 'uplot';

export function usableLanguage(language: string | undefined): boolean {
  if (!language) return false;
  try {
    new Intl.NumberFormat(language);
    return true;
  } catch {
    return false;
  }
}

let loading: Promise<typeof uPlot> | null = null;

export function loadUplot(): Promise<typeof uPlot> {
  loading ??= (async () => {
    if (!usableLanguage(navigator.language)) {
      Object.defineProperty(navigator, 'language', { value: 'en-US', configurable: true });
    }
    return (await import('uplot')).default;
  })();
  return loading;
}
