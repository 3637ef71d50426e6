import pytest

from indexer.dates import parse_date_line


@pytest.mark.parametrize("line, expected", [
    ("Đăng ngày: 12/06/2014 14:58:52", ("2014-06-12", True)),
    ("Thứ 3, ngày 05/01/2021 | 08:11 AM (GMT +7)", ("2021-01-05", False)),
    ("Cập nhật: 15:30 12/05/2022", ("2022-05-12", True)),
    ("Cập nhật lúc 14:58 12/06/2014", ("2014-06-12", True)),
    ("12/05/2022 - 15:30", ("2022-05-12", False)),
    ("Thứ Năm, 12/05/2022 - 10:22", ("2022-05-12", False)),
    ("Thứ năm, 12/5/2022, 10:22 (GMT+7)", ("2022-05-12", False)),
    ("12/05/2022 10:22:33 SA", ("2022-05-12", False)),
    ("Chủ nhật, 15/05/2022", ("2022-05-15", False)),
    ("(Ngày đăng: 12/05/2022)", ("2022-05-12", True)),
    ("Ngày đăng: 12-05-2022 | Lượt xem: 100", ("2022-05-12", True)),
    ("Ngày 02 tháng 6 năm 2014", ("2014-06-02", False)),
    # not date lines
    ("Chiều ngày 23/2/2023, tại Trung tâm Hội nghị tỉnh", None),
    ("Rà soát thủ tục hành chính năm 2023.    16/05/2023x", None),
    ("31/02/2020", None),
])
def test_parse_date_line(line, expected):
    assert parse_date_line(line) == expected
