#!/usr/bin/env bash
# Installs what Soleus needs from the system's package manager, only what is missing.
#   scripts/setup-system.sh          packages to build and run the app
#   scripts/setup-system.sh --test   plus what the end-to-end tests need (Xvfb, WebKitWebDriver,
#                                    pdftotext, Openbox: the window manager the presenter test runs under)
# Debian/Ubuntu only (apt-get); uses sudo when not root. See README for other systems.
set -euo pipefail

build_pkgs=(libwebkit2gtk-4.1-dev build-essential file pkg-config libxdo-dev libssl-dev
  libayatana-appindicator3-dev librsvg2-dev)
test_pkgs=(xvfb xauth webkit2gtk-driver poppler-utils openbox)

pkgs=("${build_pkgs[@]}")
[[ "${1:-}" == "--test" ]] && pkgs+=("${test_pkgs[@]}")
# make bench's harness (bench/run.py, standard library only).
[[ "${1:-}" == "--test" ]] && ! command -v python3 >/dev/null && pkgs+=(python3)
command -v npm >/dev/null || pkgs+=(nodejs npm)

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]} == 0)); then
  echo "system packages: all present"
  exit 0
fi
if ! command -v apt-get >/dev/null; then
  echo "error: missing packages (${missing[*]}) and no apt-get here; see README for your system" >&2
  exit 1
fi
sudo=()
((EUID == 0)) || sudo=(sudo)
echo "installing: ${missing[*]}"
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
