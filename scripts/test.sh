#!/usr/bin/env bash
# Install everything the tests need (Python packages, Debian's chromium and its driver) and run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh test
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  echo "Installing Debian's chromium and chromium-driver for the browser tests..." >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver >/dev/null
fi
.venv/bin/ruff check .
.venv/bin/python -m pytest "$@"
