"""Deterministic generator of realistic CCHC bulletins for benchmarks.

``generate(n, seed)`` yields ``n`` plain-text bulletins as scraped pages: a
headline naming a unit and a period, often a date line in one of the forms
portals use, sometimes page chrome (breadcrumbs, view counters, related-news
lists), and a body whose sentences come from a word chain learnt from the
judged collection (``bench/judged/corpus``: bulletins the team wrote in the
style of real portal pages), so word order, sentence length and vocabulary
follow real writing rather than a few templates. A Zipf-distributed long tail of
names, places, document numbers and rare compounds is mixed in, so a large
corpus has tens of thousands of distinct words, as real ones do; lengths follow
a log-normal spread from short news items to long reports. The same ``n`` and
``seed`` always give the same texts, so benchmark runs compare like with like.

    python -m bench.generate 1000 DIR     # write DIR/000000.txt ...
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import math
import random
import re
import sys
import unicodedata
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from search.vocabulary import provinces

TRAINING = Path(__file__).parent / "judged" / "corpus"
HEADLINES = [
    "Kết quả thực hiện công tác cải cách hành chính {period} trên địa bàn {unit}",
    "Sơ kết công tác CCHC {period} của {unit}",
    "Tổng kết công tác cải cách hành chính {period} và triển khai nhiệm vụ năm {next}",
    "Ban hành Kế hoạch cải cách hành chính năm {year} của {unit}",
    "Họp ban chỉ đạo cải cách hành chính {period}",
    "{unit} đẩy mạnh cải cách thủ tục hành chính {period}",
    "{unit} công bố Chỉ số cải cách hành chính (PAR Index) năm {year}",
    "Triển khai cơ chế một cửa, một cửa liên thông {period} tại {unit}",
    "Huyện {district} nâng cao chất lượng phục vụ người dân, doanh nghiệp",
    "{unit}: {tail}",
]
DATE_LINES = ["Đăng ngày: {d:02d}/{m:02d}/{y} 08:{mi:02d}", "Cập nhật ngày: {d:02d}/{m:02d}/{y} {h:02d}:{mi:02d}:12",
              "- {d:02d}/{m:02d}/{y} 09:{mi:02d}:00 AM", "Thứ Hai, {d:02d}/{m:02d}/{y} | {h:02d}:{mi:02d} GMT+7",
              "{y}-{m:02d}-{d:02d}"]
CHROME_HEAD = ["Truy cập nội dung luôn", "Trang chủ » Tin tức » Cải cách hành chính", "Bản in | Quay lại | A+ A A-"]
CHROME_TAIL = ["Tin liên quan", "Tin khác", "Thống kê truy cập", "• Tổng lượt truy cập: {n}"]
PERIODS = ["quý I/{y}", "quý II năm {y}", "quý III/{y}", "quý IV năm {y}", "6 tháng đầu năm {y}",
           "6 tháng cuối năm {y}", "9 tháng năm {y}", "năm {y}"]
ISSUERS = ["KH-UBND", "QĐ-UBND", "BC-SNV", "KH-SNV", "NQ-HĐND", "CT-UBND", "TB-UBND", "QĐ-BNV", "NĐ-CP"]
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Y", "Nay"]
LONG_TAIL = 60_000  # rare words in the Zipf tail
INITIALS = ["", "b", "c", "ch", "d", "đ", "g", "gi", "h", "k", "kh", "l", "m", "n", "ng", "nh", "p", "ph", "qu", "r",
            "s", "t", "th", "tr", "v", "x"]
NUCLEI = [v + t for v in ("a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "ia", "ươ", "uô", "oa")
          for t in ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")]
FINALS = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t", "i", "o", "u"]
TAIL_SHARE = 0.08  # share of body words drawn from the tail
ORDER = 2


@cache
def _chain() -> tuple[dict, list]:
    """The word chain of the training bulletins: (previous two words) -> next words, and sentence starts."""
    follows: dict[tuple[str, ...], list[str]] = {}
    starts: list[tuple[str, ...]] = []
    for path in sorted(TRAINING.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            words = line.split()
            if len(words) < 12:  # headlines, chrome, date lines: the body is what the chain learns
                continue
            starts.append(tuple(words[:ORDER]))
            for i in range(len(words) - ORDER):
                follows.setdefault(tuple(words[i : i + ORDER]), []).append(words[i + ORDER])
    return follows, starts


@cache
def _syllables() -> list[str]:
    """The training bulletins' syllables and as many more made of Vietnamese initials, vowels and finals
    (names and rare words use syllables that a small training set never shows)."""
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(TRAINING.glob("*.txt")))
    real = {w.lower() for w in re.findall(r"[^\W\d_]+", text) if len(w) > 1}
    made = {unicodedata.normalize("NFC", i + n + f) for i in INITIALS for n in NUCLEI for f in FINALS}
    return sorted(real) + sorted(made - real)[:: max(1, len(made) // 8000)]


@cache
def _tail() -> tuple[list[str], list[float]]:
    """Rare compounds of real syllables with Zipf weights (rank ** -1.07), as cumulative sums."""
    rng = random.Random(7)
    syllables = _syllables()
    words = [f"{rng.choice(syllables)} {rng.choice(syllables)}" for _ in range(LONG_TAIL)]
    weights = list(itertools.accumulate(1 / (rank ** 1.07) for rank in range(1, LONG_TAIL + 1)))
    return words, weights


def _tail_word(rng: random.Random) -> str:
    words, cumulative = _tail()
    return words[min(bisect.bisect(cumulative, rng.random() * cumulative[-1]), LONG_TAIL - 1)]


def _sentence(rng: random.Random, fill) -> str:
    follows, starts = _chain()
    words = list(rng.choice(starts))
    while len(words) < 60:
        following = follows.get(tuple(words[-ORDER:]))
        if not following:
            break
        words.append(rng.choice(following))
        if words[-1].endswith((".", "!", "?")) and len(words) > 8:
            break
    out = [fill() if rng.random() < TAIL_SHARE else w for w in words]
    text = " ".join(out)
    return text if text.endswith((".", "!", "?", ";", ":")) else text + "."


def _filler(rng: random.Random, province, district: str):
    def fill() -> str:
        roll = rng.random()
        if roll < 0.15:
            return f"{rng.choice(FAMILY)} {rng.choice(_syllables()).title()} {rng.choice(_syllables()).title()}"
        if roll < 0.3:
            return f"huyện {rng.choice(province.districts)[1]}" if province.districts else district
        if roll < 0.4:
            return f"{rng.randint(1, 3000)}/{rng.choice(ISSUERS)}"
        if roll < 0.5:
            return str(rng.randint(2, 9000))
        return _tail_word(rng)
    return fill


def _length(rng: random.Random) -> int:
    """Characters of body: log-normal, median about 3,000, from short items to long reports."""
    return int(min(40_000, max(500, math.exp(rng.gauss(8.0, 0.6)))))


def _bulletin(rng: random.Random) -> str:
    province = rng.choice(provinces())
    district = rng.choice(province.districts)[1] if province.districts else province.name
    year = rng.randint(2010, 2025)
    unit = f"{province.kind} {province.name}"
    fill = _filler(rng, province, district)
    slots = {"period": rng.choice(PERIODS).format(y=year), "unit": unit, "year": year, "next": year + 1,
             "district": district, "tail": _sentence(rng, fill).rstrip(".")[:90]}
    lines = rng.sample(CHROME_HEAD, rng.randint(0, 2))
    lines.append(rng.choice(HEADLINES).format(**slots))
    if rng.random() < 0.7:
        lines.append(rng.choice(DATE_LINES).format(d=rng.randint(1, 28), m=rng.randint(1, 12), y=year,
                                                   h=rng.randint(7, 17), mi=rng.randint(0, 59)))
    target, size = _length(rng), 0
    while size < target:
        paragraph = " ".join(_sentence(rng, fill) for _ in range(rng.randint(1, 4)))
        lines.append(paragraph)
        size += len(paragraph)
    lines.append(rng.choice(["P.V", "Thanh Hà", "Minh Tuấn", "Văn phòng UBND", "Sở Nội vụ"]))
    if rng.random() < 0.4:
        lines += [t.format(n=rng.randint(1000, 9_000_000)) for t in CHROME_TAIL]
    return "\n\n".join(lines)


def generate(n: int, seed: int = 2026) -> Iterator[str]:
    """``n`` bulletins, the same ones for the same seed."""
    rng = random.Random(seed)
    for _ in range(n):
        yield _bulletin(rng)


def write_corpus(n: int, folder: Path, seed: int = 2026) -> Path:
    """Write ``n`` generated bulletins as ``folder/NNNNNN.txt``."""
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(generate(n, seed)):
        (folder / f"{i:06d}.txt").write_text(text, encoding="utf-8")
    return folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.generate", description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int, help="how many bulletins")
    parser.add_argument("folder", type=Path, help="where to write them (created)")
    parser.add_argument("--seed", type=int, default=2026, help="the same seed gives the same bulletins")
    args = parser.parse_args(argv)
    if args.count < 0:
        parser.error("count must be 0 or more")
    try:
        write_corpus(args.count, args.folder, args.seed)
    except OSError as error:
        print(f"Error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
