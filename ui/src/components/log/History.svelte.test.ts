import { flushSync, mount, tick, unmount } from 'svelte';
import { describe, expect, it, vi } from 'vitest';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));
const { default: History } = await import('./History.svelte');
const { history } = await import('../../lib/logCharts');
type HistoryItem = import('../../lib/logCharts').HistoryItem;

const entry = (id: number, day: string) =>
  ({ id, recorded_at: `${day}T08:00:00+00:00`, score: 3, moment: 'on waking', side: null, notes: '', run_id: null, run_moment: null, site: null });

describe('the log history', () => {
  it('keeps the keyboard on the list when a delete is kept or done', async () => {
    const props = $state({ items: history([entry(1, '2026-11-20'), entry(2, '2026-11-21')], [], []), units: 'km' as const,
      ondelete: async (item: HistoryItem) => {
        props.items = props.items.filter((i) => i !== item);
      } });
    const target = document.createElement('div');
    document.body.append(target);
    const app = mount(History, { target, props });
    flushSync();
    const deletes = () => [...target.querySelectorAll('[data-testid=delete-entry]')] as HTMLButtonElement[];
    const first = deletes()[0];
    const label = first.getAttribute('aria-label');
    first.click();
    await tick();
    expect(document.activeElement?.getAttribute('data-testid')).toBe('confirm-delete-entry');
    ([...target.querySelectorAll('.confirm button')][1] as HTMLButtonElement).click(); // Keep
    await tick();
    expect(document.activeElement?.getAttribute('aria-label')).toBe(label);

    deletes()[0].click();
    flushSync();
    (target.querySelector('[data-testid=confirm-delete-entry]') as HTMLButtonElement).click();
    await new Promise((r) => setTimeout(r, 0));
    await tick();
    expect(target.querySelectorAll('[data-testid=history-pain]').length).toBe(1);
    expect(target.contains(document.activeElement)).toBe(true);
    unmount(app);
  });
});
