#!/usr/bin/env bash
# The load run: install, then 50 clients for 60 s against `cchc serve` on 10,000 generated bulletins
# (generated and indexed into bench/out first if missing). Options go to `python -m bench.load`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
bash scripts/debian.sh wrk=wrk
.venv/bin/python -m bench.load "$@"
