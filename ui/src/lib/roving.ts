// One tab stop for a group of choices (the ARIA radio group and tabs patterns): Tab reaches the
// chosen item, the arrow keys move between items (wrapping), Home and End go to the ends.

/**
 * Where `key` moves from item `current` of `count`, or null when the key is not for the group.
 * `horizontal` leaves Up and Down to the page (a tab list); a radio group takes all four arrows.
 */
export function rovingTarget(key: string, current: number, count: number, horizontal = false): number | null {
  const next = key === 'ArrowRight' || (!horizontal && key === 'ArrowDown');
  const prev = key === 'ArrowLeft' || (!horizontal && key === 'ArrowUp');
  if (next) return (current + 1) % count;
  if (prev) return (current - 1 + count) % count;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return null;
}
