// Work left until an element comes near the screen: the exercise library's forty drawings are
// decoded and painted as their cards scroll into view, not all at once on the first visit.

let observer: IntersectionObserver | null = null;
const waiting = new Map<Element, () => void>();

/** Runs `show` once `node` is within a screen's height of the viewport (at once where the
 *  browser cannot tell, as in jsdom); returns a function that cancels it. */
export function whenVisible(node: Element, show: () => void): () => void {
  if (typeof IntersectionObserver === 'undefined') {
    show();
    return () => {};
  }
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        const run = waiting.get(entry.target);
        observer!.unobserve(entry.target);
        waiting.delete(entry.target);
        run?.();
      }
    },
    { rootMargin: '100% 0px' },
  );
  waiting.set(node, show);
  observer.observe(node);
  return () => {
    waiting.delete(node);
    observer?.unobserve(node);
  };
}
