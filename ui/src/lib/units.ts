// Distances and durations as the person reads and types them. The core stores metres and
// seconds; the `units` setting only changes what is shown and how typed numbers are read.
import type { Units } from './bindings';

export const METRES_PER_MILE = 1609.344;

export function metresPer(units: Units): number {
  return units === 'mi' ? METRES_PER_MILE : 1000;
}

export function toMetres(value: number, units: Units): number {
  return value * metresPer(units);
}

export function fromMetres(metres: number, units: Units): number {
  return metres / metresPer(units);
}

/** "8.0 km", "5.0 mi". */
export function formatDistance(metres: number, units: Units): string {
  return `${fromMetres(metres, units).toFixed(1)} ${units}`;
}

/**
 * A duration typed as minutes ("45", "45.5"), minutes and seconds ("45:30") or hours, minutes
 * and seconds ("1:05:00"); null when it cannot be read that way.
 */
export function parseDuration(text: string): number | null {
  const t = text.trim();
  if (/^\d+(\.\d+)?$/.test(t)) return Math.round(Number(t) * 60);
  const m = /^(?:(\d+):)?(\d{1,2}):(\d{2})$/.exec(t);
  if (!m) return null;
  const [h, min, s] = [Number(m[1] ?? 0), Number(m[2]), Number(m[3])];
  if (s >= 60 || (m[1] !== undefined && min >= 60)) return null;
  return h * 3600 + min * 60 + s;
}

/** "45 min", "1 h 05 min". */
export function formatDuration(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}
