#!/usr/bin/env bash
# Installs Debian's chromium (driven by Playwright in the end-to-end tests) and a Korean font
# for readable screenshots. Idempotent: does nothing when both are present. Never downloads a
# browser build of its own (no `playwright install`).
set -euo pipefail

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
fc-list 2>/dev/null | grep -qi "nanum\|noto sans cjk" || need+=(fonts-nanum)
if [ ${#need[@]} -eq 0 ]; then
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    SUDO=sudo
else
    SUDO=
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
command -v chromium >/dev/null
