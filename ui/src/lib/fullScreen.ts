// The presenter fills the screen through Tauri's window API; the main window is granted
// core:window:allow-set-fullscreen and nothing else of it (capabilities/presenter.json).
import { getCurrentWindow } from '@tauri-apps/api/window';

/** Puts the window in full screen or takes it out; whether the window accepted. Outside the
 * app (component tests) there is no window to ask, and the presenter still fills the page. */
export async function setFullScreen(on: boolean): Promise<boolean> {
  try {
    await getCurrentWindow().setFullscreen(on);
    return true;
  } catch {
    return false;
  }
}
