#!/usr/bin/env bash
# Installs what the reports' PDF layout test prints with: LibreOffice Calc (headless, no GUI) to turn
# the register and bulletin workbooks into PDF, poppler-utils (pdftotext) to read the words' boxes,
# and CJK fonts so Chinese text has its real width. Runs from npm's postinstall (through
# ensure-chromium.sh): it never fails the install, it says what it did.
#   - already there (or SOFFICE_PATH and PDFTOTEXT_PATH set): nothing to do;
#   - root with apt-get (CI, fresh containers): apt-get install libreoffice-calc-nogui poppler-utils fonts-noto-cjk;
#   - otherwise: explains how to install them; the PDF layout test then reports itself skipped.
set -u
soffice="${SOFFICE_PATH:-$(command -v soffice || true)}"
pdftotext="${PDFTOTEXT_PATH:-$(command -v pdftotext || true)}"
if [ -n "$soffice" ] && [ -x "$soffice" ] && [ -n "$pdftotext" ] && [ -x "$pdftotext" ]; then
  echo "ensure-test-tools: LibreOffice ($soffice) and pdftotext ($pdftotext) are installed"; exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "ensure-test-tools: installing libreoffice-calc-nogui, poppler-utils and fonts-noto-cjk for the PDF layout test…"
  export DEBIAN_FRONTEND=noninteractive
  if apt-get update -qq && apt-get install -y -qq --no-install-recommends \
    libreoffice-calc-nogui poppler-utils fonts-noto-cjk >/dev/null; then
    echo "ensure-test-tools: installed $(soffice --version 2>/dev/null || echo LibreOffice) and poppler-utils"
  else
    echo "ensure-test-tools: apt-get could not install them; the PDF layout test will report itself skipped" >&2
  fi
  exit 0
fi
echo "ensure-test-tools: no LibreOffice/pdftotext found and not root with apt-get — install them yourself" \
  "(Debian/Ubuntu: sudo apt-get install libreoffice-calc-nogui poppler-utils fonts-noto-cjk) or set SOFFICE_PATH" \
  "and PDFTOTEXT_PATH; until then the PDF layout test is skipped" >&2
exit 0
