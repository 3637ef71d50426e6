#!/usr/bin/env bash
# Install everything the tests need (Python packages; Debian's chromium, its driver and wrk) and run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh test
bash scripts/debian.sh chromium=chromium chromedriver=chromium-driver wrk=wrk setpriv=util-linux
.venv/bin/ruff check .
bash scripts/audit.sh
.venv/bin/python -m pytest "$@"
