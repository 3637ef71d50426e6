#!/usr/bin/env bash
# The main job: install, index ./corpus (incrementally) and show what the index holds.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
.venv/bin/cchc index
.venv/bin/cchc stats
