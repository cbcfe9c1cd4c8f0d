// The four screens of the main navigation (bottom bar or side rail), in order.
export type TabId = 'check' | 'plan' | 'exercises' | 'log';

export const TABS: { id: TabId; label: string }[] = [
  { id: 'check', label: 'Check' },
  { id: 'plan', label: 'Plan' },
  { id: 'exercises', label: 'Exercises' },
  { id: 'log', label: 'Log' },
];

/** The tab reached from `current` by an arrow key, wrapping at the ends. */
export function neighbour(current: TabId, key: string): TabId | null {
  const i = TABS.findIndex((t) => t.id === current);
  // Right/Left along the bottom bar, Down/Up along the side rail.
  if (key === 'ArrowRight' || key === 'ArrowDown') return TABS[(i + 1) % TABS.length].id;
  if (key === 'ArrowLeft' || key === 'ArrowUp') return TABS[(i - 1 + TABS.length) % TABS.length].id;
  if (key === 'Home') return TABS[0].id;
  if (key === 'End') return TABS[TABS.length - 1].id;
  return null;
}
