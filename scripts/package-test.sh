#!/usr/bin/env bash
# The installer test (issue 14): unpacks a Soleus .deb into a scratch root with `dpkg -x`, checks
# what it installs (the binary, its menu entry and icon, WebKitGTK among its dependencies), and
# starts the installed binary under Xvfb on an empty data folder: it must reach its first screen
# (the UI's ui_ready line in SOLEUS_READY_FILE) within 60 s. Leaves no process behind.
#   scripts/package-test.sh [DEB] [RPM]   (default: the newest .deb and .rpm under target/release/bundle)
set -euo pipefail
cd "$(dirname "$0")/.."
deb=${1:-$(ls -t target/release/bundle/deb/*.deb 2>/dev/null | head -1)}
rpm=${2-$(ls -t target/release/bundle/rpm/*.rpm 2>/dev/null | head -1 || true)}
[[ -f "$deb" ]] || { echo "package test: no .deb (run make package first)" >&2; exit 1; }

scratch=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  sleep 0.5
  for pid in "${pids[@]}"; do kill -KILL -- "-$pid" 2>/dev/null || true; done
  rm -rf "$scratch"
}
trap cleanup EXIT
fail() { echo "package test FAILED: $*" >&2; exit 1; }

root="$scratch/root"
dpkg -x "$deb" "$root"
bin="$root/usr/bin/soleus-desktop"
[[ -x "$bin" ]] || fail "$deb installs no executable usr/bin/soleus-desktop"
ls "$root"/usr/share/applications/*.desktop >/dev/null 2>&1 || fail "$deb installs no menu entry (usr/share/applications)"
ls "$root"/usr/share/icons/hicolor/*/apps/soleus-desktop.png >/dev/null 2>&1 || fail "$deb installs no icon"
dpkg-deb -f "$deb" Depends | grep -q libwebkit2gtk-4.1 || fail "$deb does not depend on libwebkit2gtk-4.1"
if [[ -n "$rpm" ]]; then
  # An RPM file starts with the lead magic ed ab ee db.
  [[ $(head -c 4 "$rpm" | od -An -tx1 | tr -d ' \n') == edabeedb ]] || fail "$rpm is not an RPM package"
fi

# One X display of our own; Xvfb prints its number on fd 3.
setsid Xvfb -displayfd 3 -screen 0 1280x900x24 -nolisten tcp 3>"$scratch/display" 2>/dev/null &
pids+=($!)
for _ in $(seq 100); do [[ -s "$scratch/display" ]] && break; sleep 0.1; done
[[ -s "$scratch/display" ]] || fail "Xvfb did not start"

mkdir -p "$scratch/home/.config" "$scratch/data" "$scratch/cache"
ready="$scratch/ready"
env -u WAYLAND_DISPLAY DISPLAY=":$(tr -d '\n' <"$scratch/display")" HOME="$scratch/home" \
  XDG_DATA_HOME="$scratch/data" XDG_CONFIG_HOME="$scratch/home/.config" XDG_CACHE_HOME="$scratch/cache" \
  SOLEUS_READY_FILE="$ready" setsid "$bin" >"$scratch/app.log" 2>&1 &
app=$!
pids+=("$app")
for _ in $(seq 600); do
  [[ -s "$ready" ]] && break
  kill -0 "$app" 2>/dev/null || { cat "$scratch/app.log" >&2; fail "the installed binary exited before its first screen"; }
  sleep 0.1
done
[[ -s "$ready" ]] || { cat "$scratch/app.log" >&2; fail "the installed binary showed no first screen in 60 s"; }
[[ -f "$scratch/data/org.soleus.app/soleus.db" ]] || fail "the installed app did not create its database"
echo "package test: $(basename "$deb") installed with dpkg -x, its binary reached its first screen in $(head -1 "$ready") ms${rpm:+; $(basename "$rpm") is an RPM}"
