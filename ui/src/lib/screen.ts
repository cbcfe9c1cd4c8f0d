import type { Profile, Settings } from './bindings';
import type { TabId } from './tabs';

/** What App.svelte gives every tab's screen: whose data it shows, their settings, and a way on. */
export interface ScreenProps {
  profile: Profile;
  settings: Settings;
  onnavigate: (tab: TabId) => void;
}
