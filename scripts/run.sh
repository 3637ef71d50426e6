#!/usr/bin/env bash
# The main job: install, index ./corpus if there is no index yet, and serve the site on http://127.0.0.1:8000/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
exec .venv/bin/cchc serve "$@"
