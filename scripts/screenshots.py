"""Screenshots of the research views for docs/: a generated corpus, `cchc serve`, headless Chromium.

    .venv/bin/python scripts/screenshots.py [BULLETINS] [WORK_DIR]

Writes docs/coverage.png, docs/search-map.png, docs/search-shares.png, docs/cited.png,
docs/coverage-phone.png and docs/search-map-phone.png from a corpus of BULLETINS (default 1500)
bulletins made by bench.generate.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.generate import write_corpus  # noqa: E402
from indexer.builder import build_index  # noqa: E402
from tests.browser import chromium, serving  # noqa: E402

DOCS = ROOT / "docs"
MOT_CUA = "q=m%E1%BB%99t+c%E1%BB%ADa"
SHOTS = [  # (file, path, window width, height, element to scroll into view)
    ("coverage.png", f"/coverage?{MOT_CUA}&year=2021&year=2022&year=2023&scheme=2025&lang=en", 1280, 900, None),
    ("search-map.png", f"/search?{MOT_CUA}&lang=en", 1280, 1000, "figure.tilemap"),
    ("search-shares.png", f"/search?{MOT_CUA}&chart=share&lang=en", 1280, 700, "figure.chart"),
    ("cited.png", "/search?refs=61%2F2018%2Fnd-cp&lang=en", 1280, 900, "section[aria-labelledby=facet-refs]"),
    ("coverage-phone.png", f"/coverage?{MOT_CUA}&year=2022", 390, 844, "p.hint"),
    ("search-map-phone.png", f"/search?{MOT_CUA}&scheme=2025", 390, 844, "figure.tilemap"),
]


def shoot(base: str) -> None:
    browser = chromium()
    try:
        for name, path, width, height, target in SHOTS:
            browser.set_window_size(width, height)
            browser.get(base + path)
            if target:
                browser.execute_script("document.querySelector(arguments[0]).scrollIntoView()", target)
            browser.save_screenshot(str(DOCS / name))
            print("wrote", DOCS / name)
    finally:
        browser.quit()


def main() -> None:
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 1500
    work = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(tempfile.mkdtemp(prefix="cchc-shots-"))
    corpus, index = work / "corpus", work / "index"
    if not index.exists():
        shutil.rmtree(corpus, ignore_errors=True)
        write_corpus(size, corpus)
        build_index(corpus, index)
    with serving(index, corpus) as base:
        shoot(base)


if __name__ == "__main__":
    main()
