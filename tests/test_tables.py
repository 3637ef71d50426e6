"""indexer.tables: tables of units' index results, flattened a row a line or a cell a line, read as rows; and
indexer.figures giving them an index, a scope and a year."""

from __future__ import annotations

from indexer.figures import Context, extract_figures
from indexer.tables import TableRow, columns, table_rows

ROW_A_LINE = "\n".join([
    "Kết quả Chỉ số cải cách hành chính năm 2024 của các cơ quan, đơn vị như sau:",
    "STT TÊN CƠ QUAN Điểm tối đa Điểm thẩm định  Tỷ lệ đạt  Xếp loại",
    "I Các sở, ban, ngành tỉnh",
    "1 Văn phòng UBND tỉnh 71.5 68.75 96.15% Tốt",
    "2 Sở Tư pháp 100 93.40 93.40% Tốt",
    "3 Sở Lao động - Thương binh và Xã hội 96.5 80.12 83.03% Khá",
    "II UBND huyện, thị xã, thành phố",
    "1 UBND huyện Gò Dầu 100 88.10 88.10% Tốt",
])

CELL_A_LINE = "\n\n".join([
    "Bảng xếp hạng Chỉ số cải cách hành chính năm 2024 của các bộ, cơ quan ngang bộ",
    "Xếp hạng", "Các bộ, cơ quan ngang bộ", "Điểm", "thẩm định", "Điểm điều tra XHH", "Tổng điểm đạt được",
    "Chỉ số tổng hợp (PAR Index 2024)",
    "1", "Bộ Tư pháp", "62.10", "27.95", "90.05", "90.05",
    "2", "Bộ Tài chính", "61.40", "27.70", "89.10", "89.10",
    "3", "Bộ Nội vụ", "60.80", "26.50", "87.30", "87.30",
    "Nguồn: Bộ Nội vụ",
])


def test_column_names_in_order():
    assert columns("STT | Đơn vị | Điểm | Xếp loại | Xếp hạng") == ["row", "unit", "total", "other", "rank"]


def test_a_table_printed_a_row_a_line():
    rows = table_rows(ROW_A_LINE)
    assert [(r.unit, r.score, r.rank) for r in rows] == [
        ("Văn phòng UBND tỉnh", 96.15, None), ("Sở Tư pháp", 93.4, None),
        ("Sở Lao động - Thương binh và Xã hội", 83.03, None), ("UBND huyện Gò Dầu", 88.1, None)]
    assert ROW_A_LINE[rows[1].start:rows[1].end] == rows[1].line == "2 Sở Tư pháp 100 93.40 93.40% Tốt"


def test_a_table_printed_a_cell_a_line():
    rows = table_rows(CELL_A_LINE)
    assert rows == [TableRow(rows[0].start, rows[0].end, "1 Bộ Tư pháp 62.10 27.95 90.05 90.05", "Bộ Tư pháp",
                             90.05, 1),
                    TableRow(rows[1].start, rows[1].end, "2 Bộ Tài chính 61.40 27.70 89.10 89.10", "Bộ Tài chính",
                             89.1, 2),
                    TableRow(rows[2].start, rows[2].end, "3 Bộ Nội vụ 60.80 26.50 87.30 87.30", "Bộ Nội vụ", 87.3, 3)]


def test_two_score_columns_that_disagree_give_no_score():
    text = "\n".join(["STT Đơn vị Tổng điểm Tỷ lệ đạt Xếp hạng", "1 Sở Tài chính 88.50 92.19% 1",
                      "2 Sở Nội vụ 86.00 89.58% 2"])
    assert [(r.unit, r.score, r.rank) for r in table_rows(text)] == [("Sở Tài chính", None, 1), ("Sở Nội vụ", None, 2)]


def test_a_sentence_naming_columns_is_no_header_and_prose_is_no_row():
    text = ("Bảng tổng hợp gồm các cột đơn vị, điểm thẩm định, tổng điểm và xếp hạng của từng cơ quan.\n"
            "1 Sở Tư pháp 100 93.40 93.40% Tốt")
    assert table_rows(text) == []


def test_table_rows_are_the_index_figures_of_their_units():
    context = Context("Tây Ninh", None, 2025, "FY", "Tây Ninh công bố kết quả cải cách hành chính")
    figures = [(f["indicator"], f["value"], f["unit"], f["period"], f["year"], f["scope"], f["scope_level"])
               for f in extract_figures(ROW_A_LINE, context)]
    assert figures == [
        ("par_index_score", 96.15, "score", "FY", 2024, "Văn phòng UBND", "agency"),
        ("par_index_score", 93.4, "score", "FY", 2024, "Sở Tư pháp", "agency"),
        ("par_index_score", 83.03, "score", "FY", 2024, "Sở Lao động - Thương binh và Xã hội", "agency"),
        ("par_index_score", 88.1, "score", "FY", 2024, "Gò Dầu", "district")]
    national = Context(None, None, 2025, "FY", "Công bố Chỉ số cải cách hành chính năm 2024")
    assert [(f["indicator"], f["value"], f["scope"]) for f in extract_figures(CELL_A_LINE, national)] == [
        ("par_index_score", 90.05, "Bộ Tư pháp"), ("par_index_rank", 1.0, "Bộ Tư pháp"),
        ("par_index_score", 89.1, "Bộ Tài chính"), ("par_index_rank", 2.0, "Bộ Tài chính"),
        ("par_index_score", 87.3, "Bộ Nội vụ"), ("par_index_rank", 3.0, "Bộ Nội vụ")]


WARDS = "\n\n".join([
    "Ngày 30 tháng 12 năm 2023, Ban Chỉ đạo cải cách hành chính Quận 5 đã ban hành Thông báo về kết quả chấm điểm "
    "thi đua công tác cải cách hành chính năm 2023 đối với Ủy ban nhân dân các phường:",
    "STT", "Đơn vị", "Điểm", "Xếp loại", "Xếp hạng",
    "1", "Ủy ban nhân dân Phường 7", "95,5", "A", "1",
    "2", "Ủy ban nhân dân Phường 2", "93", "A", "2",
    "3", "Ủy ban nhân dân Phường 11", "90,25", "A", "3",
])


def test_a_districts_table_of_numbered_wards_scores_each_ward_with_its_district():
    """A ward named by a number is known with its district ("Phường 7, Quận 5"); the district's own scoring of its
    wards' administrative reform is their PAR index."""
    context = Context("Hồ Chí Minh", "5", 2024, None, "Quận 5 công bố kết quả cải cách hành chính của các phường")
    assert [(f["indicator"], f["value"], f["year"], f["scope"], f["scope_level"])
            for f in extract_figures(WARDS, context)] == [
        ("par_index_score", 95.5, 2023, "Phường 7, Quận 5", "commune"),
        ("par_index_rank", 1.0, 2023, "Phường 7, Quận 5", "commune"),
        ("par_index_score", 93.0, 2023, "Phường 2, Quận 5", "commune"),
        ("par_index_rank", 2.0, 2023, "Phường 2, Quận 5", "commune"),
        ("par_index_score", 90.25, 2023, "Phường 11, Quận 5", "commune"),
        ("par_index_rank", 3.0, 2023, "Phường 11, Quận 5", "commune")]
