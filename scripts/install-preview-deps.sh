#!/usr/bin/env bash
# Installs what `npm run preview` needs from Debian: headless Chromium and a CJK font.
# Idempotent: does nothing when both are already present. Never downloads a browser from anywhere else.
set -euo pipefail

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
if ! fc-list 2>/dev/null | grep -qi 'wqy-microhei'; then need+=(fonts-wqy-microhei); fi

if [ ${#need[@]} -eq 0 ]; then
  echo "preview deps: chromium and fonts-wqy-microhei already installed"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "preview deps: missing ${need[*]}; run as root: apt-get install -y ${need[*]}" >&2
    exit 1
  fi
fi

echo "preview deps: installing ${need[*]} (apt)"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" fontconfig
fc-cache -f >/dev/null 2>&1 || true
echo "preview deps: done"
