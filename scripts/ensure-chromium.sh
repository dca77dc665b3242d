#!/usr/bin/env bash
# Installs Debian's chromium (and CJK fonts, so Chinese labels render in screenshots) for the
# dashboard's browser test. Runs as npm's postinstall: it never fails the install, it says what it did.
#   - already there (or CHROMIUM_PATH set): nothing to do;
#   - root with apt-get (CI, fresh containers): apt-get install chromium fonts-noto-cjk;
#   - otherwise: explains how to install it; the browser test then reports itself skipped.
set -u
# --- print (issue #18): the reports' PDF layout test needs LibreOffice Calc and poppler-utils too;
# ensure-test-tools.sh installs them the same way (never failing the install). Runs first, since the
# chromium checks below exit early.
bash "$(dirname "$0")/ensure-test-tools.sh" || true
# --- end print
if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "${CHROMIUM_PATH}" ]; then
  echo "ensure-chromium: using CHROMIUM_PATH=${CHROMIUM_PATH}"; exit 0
fi
if [ -x /usr/bin/chromium ]; then
  echo "ensure-chromium: /usr/bin/chromium is installed"; exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: installing Debian's chromium and fonts-noto-cjk for the browser test…"
  export DEBIAN_FRONTEND=noninteractive
  if apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk >/dev/null; then
    echo "ensure-chromium: installed $(/usr/bin/chromium --version 2>/dev/null || echo chromium)"
  else
    echo "ensure-chromium: apt-get could not install chromium; the browser test will report itself skipped" >&2
  fi
  exit 0
fi
echo "ensure-chromium: no chromium found and not root with apt-get — install it yourself" \
  "(Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH; until then the browser test is skipped" >&2
exit 0
