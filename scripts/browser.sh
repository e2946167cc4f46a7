#!/usr/bin/env bash
# The headless browser the dashboard's tests drive: Debian's Chromium and its ChromeDriver.
#
#   scripts/browser.sh    install the packages chromium and chromium-driver with apt-get when
#                         /usr/bin/chromium or /usr/bin/chromedriver is missing, then print the
#                         versions (stderr). Exit 1 when they cannot be installed.
#
# The tests find them at /usr/bin/chromium and /usr/bin/chromedriver (NAS_CHROMIUM and
# NAS_CHROMEDRIVER override the paths). Without them the browser tests are skipped, unless CI=true.
set -euo pipefail

log() { echo "browser.sh: $*" >&2; }

if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  log "Chromium is not installed and installing it needs root (apt-get install chromium chromium-driver)"
  exit 1
fi
log "installing Chromium and ChromeDriver from Debian packages"
export DEBIAN_FRONTEND=noninteractive
# other package installs may hold the dpkg lock for a while: wait for it rather than fail
apt-get -o DPkg::Lock::Timeout=600 update -q >&2
apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends chromium chromium-driver >&2
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  log "apt-get installed no /usr/bin/chromium or /usr/bin/chromedriver"
  exit 1
fi
log "$(/usr/bin/chromium --version 2>/dev/null || true); $(/usr/bin/chromedriver --version 2>/dev/null || true)"
