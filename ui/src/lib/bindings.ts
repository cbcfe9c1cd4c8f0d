// Generated from the Rust types by `cargo test -p soleus-desktop`; do not edit.
// After changing a command or a type, regenerate with
//   UPDATE_BINDINGS=1 cargo test -p soleus-desktop bindings

/**
 * What crosses a process boundary (IPC, CLI JSON) when something fails.
 */
export type ErrorPayload = { code: string, message: string, };

export type Profile = { id: number, name: string, created_at: string, };

export type Settings = { units: Units, theme: Theme, };

/**
 * `System` follows the operating system's light or dark preference.
 */
export type Theme = "system" | "light" | "dark";

export type Units = "km" | "mi";

/** Every command the UI may call: its arguments (as `invoke` takes them) and its result. */
export type Commands = {
  list_profiles: { args: Record<string, never>; result: Array<Profile> };
  create_profile: { args: { name: string }; result: Profile };
  rename_profile: { args: { id: number; name: string }; result: Profile };
  delete_profile: { args: { id: number }; result: null };
  get_active_profile: { args: Record<string, never>; result: Profile | null };
  set_active_profile: { args: { id: number }; result: Profile };
  get_settings: { args: Record<string, never>; result: Settings };
  update_settings: { args: { settings: Settings }; result: Settings };
};

export const MAX_PROFILE_NAME_CHARS = 100;
export const DISCLAIMER = "Soleus is not a diagnosis. It suggests likely causes from your answers; only a clinician who examines you can diagnose. If you are worried, or the advice says so, seek care.";
