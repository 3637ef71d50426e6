"""Deterministic generator of realistic CCHC bulletins for benchmarks.

``generate(n, seed)`` yields ``n`` plain-text bulletins as scraped pages: a
headline naming a period ("Kết quả CCHC quý II/2019"), sometimes a date line,
sometimes page chrome (view counters, related-news lists), and a body of
paragraphs drawn from reform vocabulary with province and district names from
the gazetteer, document numbers and figures. The same ``n`` and ``seed`` always
give the same texts, so benchmark runs compare like with like.

    python -m bench.generate 1000 DIR     # write DIR/000000.txt ...
"""

from __future__ import annotations

import random
import sys
from collections.abc import Iterator
from pathlib import Path

from search.vocabulary import provinces

HEADLINES = [
    "Kết quả thực hiện công tác cải cách hành chính {period} trên địa bàn {unit}",
    "Sơ kết công tác CCHC {period} của {unit}",
    "Tổng kết công tác cải cách hành chính {period} và triển khai nhiệm vụ năm {next}",
    "Ban hành Kế hoạch cải cách hành chính năm {year} của {unit}",
    "Họp ban chỉ đạo cải cách hành chính {period}",
    "{unit} đẩy mạnh cải cách thủ tục hành chính {period}",
    "Nâng cao Chỉ số cải cách hành chính (PAR Index) và SIPAS {period}",
    "Triển khai cơ chế một cửa, một cửa liên thông {period} tại {unit}",
]
SENTENCES = [
    "Trong {period}, {unit} đã ban hành {n} văn bản chỉ đạo, điều hành công tác cải cách hành chính.",
    "UBND {unit} ban hành Kế hoạch số {ref} về kiểm soát thủ tục hành chính năm {year}.",
    "Tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng hạn đạt {pct}%, trễ hạn {small} hồ sơ.",
    "Cơ chế một cửa, một cửa liên thông tại Bộ phận tiếp nhận và trả kết quả được thực hiện nghiêm túc.",
    "Thực hiện Nghị định số {decree} của Chính phủ về cơ chế một cửa trong giải quyết thủ tục hành chính.",
    "Công tác rà soát, kiểm tra văn bản quy phạm pháp luật được thực hiện theo đúng quy định.",
    "Việc sắp xếp tổ chức bộ máy theo hướng tinh gọn, hoạt động hiệu lực, hiệu quả được đẩy mạnh.",
    "Đội ngũ cán bộ, công chức, viên chức được đào tạo, bồi dưỡng, nâng cao kỷ luật, kỷ cương hành chính.",
    "Cơ chế tự chủ, tự chịu trách nhiệm của đơn vị sự nghiệp công lập tiếp tục được triển khai.",
    "Tỷ lệ dịch vụ công trực tuyến mức độ 3, 4 đạt {pct}%, góp phần xây dựng chính quyền điện tử, chính quyền số.",
    "Công tác chuyển đổi số, số hóa hồ sơ và ứng dụng công nghệ thông tin được quan tâm chỉ đạo.",
    "Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính (SIPAS) đạt {pct}%.",
    "Công tác thông tin, tuyên truyền về cải cách hành chính được đẩy mạnh trên báo chí, phát thanh.",
    "Đoàn kiểm tra công tác cải cách hành chính đã kiểm tra tại {small} cơ quan, đơn vị.",
    "Tại huyện {district}, Bộ phận một cửa đã tiếp nhận {n} hồ sơ, giải quyết đúng hạn {pct}%.",
    "Chủ tịch UBND {unit} yêu cầu các sở, ban, ngành tiếp tục nâng cao thứ hạng Chỉ số PAPI, PCI.",
    "Quyết định số {ref} phê duyệt danh mục thủ tục hành chính thực hiện tại cấp huyện, cấp xã.",
    "Hệ thống thông tin giải quyết thủ tục hành chính được kết nối với Cổng dịch vụ công quốc gia.",
    "Hội đồng nhân dân tỉnh giám sát việc thực hiện cải cách hành chính tại các địa phương.",
    "Ủy ban nhân dân các huyện, thành phố chủ động triển khai thực hiện các mục tiêu, nhiệm vụ được giao.",
]
CHROME_HEAD = ["Truy cập nội dung luôn", "Trang chủ » Tin tức » Cải cách hành chính", "Bản in | Quay lại | A+ A A-"]
CHROME_TAIL = ["Tin liên quan", "Tin khác", "Thống kê truy cập", "• Tổng lượt truy cập: {n}"]
PERIODS = [("quý I/{y}", "Q1"), ("quý II năm {y}", "Q2"), ("quý III/{y}", "Q3"), ("quý IV năm {y}", "Q4"),
           ("6 tháng đầu năm {y}", "H1"), ("6 tháng cuối năm {y}", "H2"), ("9 tháng năm {y}", "9M"),
           ("năm {y}", "FY")]
ISSUERS = ["KH-UBND", "QĐ-UBND", "BC-SNV", "KH-SNV", "NQ-HĐND", "CT-UBND", "TB-UBND"]
DECREES = ["61/2018/NĐ-CP", "107/2021/NĐ-CP", "45/2020/NĐ-CP", "30c/NQ-CP", "76/NQ-CP", "17/NQ-CP"]


def _bulletin(rng: random.Random) -> str:
    province = rng.choice(provinces())
    district = rng.choice(province.districts)[1]
    year = rng.randint(2010, 2025)
    phrase, _ = rng.choice(PERIODS)
    unit = f"{province.kind} {province.name}"
    slots = {"period": phrase.format(y=year), "unit": unit, "year": year, "next": year + 1,
             "district": district}

    def fill(template: str) -> str:
        return template.format(
            n=rng.randint(5, 3000), pct=f"{rng.uniform(80, 100):.2f}".replace(".", ","),
            small=rng.randint(1, 40), ref=f"{rng.randint(1, 4000)}/{rng.choice(ISSUERS)}",
            decree=rng.choice(DECREES), **slots)

    lines = rng.sample(CHROME_HEAD, rng.randint(0, 2))
    lines.append(fill(rng.choice(HEADLINES)))
    if rng.random() < 0.5:
        lines.append(f"Đăng ngày: {rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{year} 08:{rng.randint(10, 59)}")
    target = rng.randint(1500, 9000)
    size = 0
    while size < target:
        paragraph = " ".join(fill(rng.choice(SENTENCES)) for _ in range(rng.randint(2, 5)))
        lines.append(paragraph)
        size += len(paragraph)
    lines.append(rng.choice(["P.V", "Thanh Hà", "Minh Tuấn", "Văn phòng UBND"]))
    if rng.random() < 0.4:
        lines += [fill(t) for t in CHROME_TAIL]
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


if __name__ == "__main__":
    write_corpus(int(sys.argv[1]), Path(sys.argv[2]))
