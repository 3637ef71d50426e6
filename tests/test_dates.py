import pytest

from indexer.dates import parse_date_line


@pytest.mark.parametrize("line, expected", [
    ("Đăng ngày: 12/06/2014 14:58:52", ("2014-06-12", True)),
    ("Ngày đăng bài: 09/11/2020", ("2020-11-09", True)),
    ("Cập nhật, 07:15, Thứ Hai, 14/08/2023 (GMT+7)", ("2023-08-14", True)),
    ("Thứ sáu - 03/11/2023 08:30 215 0", ("2023-11-03", False)),  # views and comments after the clock
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
    # labels followed by "ngày", list bullets, zones after a bar, clock first
    ("Cập nhật ngày: 03/04/2019 09:12:45", ("2019-04-03", True)),
    ("Ngày cập nhật 17/08/2020", ("2020-08-17", True)),
    ("Ngày xuất bản: 09-11-2018", ("2018-11-09", True)),
    ("- 21/03/2016 08:30:00 AM", ("2016-03-21", False)),
    ("Thứ Hai, 12/06/2023 | 14:20 GMT+7", ("2023-06-12", False)),
    ("09:45, Thứ Sáu, 7-4-2023", ("2023-04-07", False)),
    ("Chủ nhật, 05/01/2021", ("2021-01-05", False)),
    # bylines: the date among short labelled parts
    ("Ngày đăng: 03/04/2024 | Tác giả: Thanh Tùng | Lượt xem: 317", ("2024-04-03", True)),
    ("14/03/2022 | 1074", ("2022-03-14", False)),  # a view counter printed without its label
    ("21/05/2017 07:50 | Theo Báo Yên Bái", ("2017-05-21", False)),
    ("Tin tức - Sự kiện | Cải cách hành chính | 12/10/2020", ("2020-10-12", False)),
    ("Thứ Tư, 10:35, 10/01/2018", ("2018-01-10", False)),
    ("Thứ ba, 25 Tháng 1 2022 16:22", ("2022-01-25", False)),
    ("Ngày đăng tin: 06/11/2018 - Người đăng: Quản trị", ("2018-11-06", True)),
    ("Tác giả: Minh Khôi - Ngày: 06/11/2018", ("2018-11-06", True)),
    ("Ngày đăng: 06/11/2018 - UBND huyện tổ chức hội nghị", None),  # a dash before a sentence is no byline
    ("Hội nghị tổng kết công tác cải cách hành chính năm 2020 của tỉnh | 12/01/2021", None),
    ("12/01/2021 | 15/01/2021", None),
    # a section name or an author before the date, a "Ngày:" cell, brackets, view counts and page tools after it
    ("Thời sự - 08:15, 14/03/2024", ("2024-03-14", False)),
    ("Minh Khôi Thứ năm, ngày 14/03/2024 08:15 AM (GMT+7)", ("2024-03-14", False)),
    ("Người đăng: Văn phòng | Ngày: 09:20 AM - 06/11/2018", ("2018-11-06", True)),
    ("[ Cập nhật vào ngày (06/11/2018) ] - [ Số lần xem: 1204 ]", ("2018-11-06", True)),
    ("06/11/2018 09:20 Số lượt xem: 88", ("2018-11-06", False)),
    ("05/01/2024 16:04 View Count: 115", ("2024-01-05", False)),
    ("Thứ ba - 06/11/2018 09:20 415", ("2018-11-06", False)),
    ("06/11/2018 09:20:05 Xem cỡ chữ In bài", ("2018-11-06", False)),
    # ISO and English forms
    ("2023-07-14", ("2023-07-14", False)),
    ("2023-07-14T08:00:00+07:00", ("2023-07-14", False)),
    ("July 14, 2023", ("2023-07-14", False)),
    ("14 Jul 2023", ("2023-07-14", False)),
    ("Posted on Friday, Sep 1, 2023 08:00", ("2023-09-01", True)),
    # the header of an official document, whole or its place-and-date line
    ("Số: 12/2019/QĐ-UBND | Bắc Giang, ngày 05 tháng 3 năm 2019", ("2019-03-05", False)),
    ("Lạng Sơn, ngày 18 tháng 10 năm 2022", ("2022-10-18", False)),
    ("TP. Hồ Chí Minh, ngày 2 tháng 12 năm 2021", ("2021-12-02", False)),
    # an author's name before the date and its time; a label in brackets with spaces inside
    ("MINH AN 15/10/2022 15:58", ("2022-10-15", False)),
    ("Lan Hương 06/02/2024 - 11:06", ("2024-02-06", False)),
    ("( Cập nhật lúc: 18/02/2021  )", ("2021-02-18", True)),
    # a site's own label ("Tin đăng lúc"), a view counter whose label was an icon, the authors' names before a
    # labelled date, glued to it or not
    ("Tin đăng lúc : 06-05-2020", ("2020-05-06", True)),
    ("08:47 03-03-2021 | :226", ("2021-03-03", False)),
    ("Nguyên Linh, Huỳnh DanhCập nhật 15:14 ngày 20/06/2023", ("2023-06-20", True)),
    ("Thu Hà Đăng ngày 02/03/2021", ("2021-03-02", True)),
    # not date lines
    ("Hệ thống được cập nhật ngày 20/06/2023", None),  # a sentence before the label, not names
    ("Hà Nội có 15 xã 06/09/2016", None),
    ("Theo báo cáo 06/09/2016 16:04 hồ sơ", None),
    ("Chiều ngày 23/2/2023, tại Trung tâm Hội nghị tỉnh", None),
    ("Rà soát thủ tục hành chính năm 2023.    16/05/2023x", None),
    ("31/02/2020", None),
    ("Nghị quyết số 26/NQ-HĐND ngày 08/11/2011", None),
    ("Theo đó, ngày 05 tháng 3 năm 2019", None),
    ("2023-13-01", None),
    ("Sáng 14/03/2024, tại hội trường", None),
    ("Hội nghị - tổng kết năm 2023 tại huyện 14/03/2024", None),
    # a month-first short date with a 12-hour clock, as portal software prints it
    ("11/2/21 8:05 AM", ("2021-11-02", False)),
    ("13/2/21 8:05 AM", None),  # no thirteenth month
    ("11/2/21", None),  # without its clock a short date is ambiguous
    # a full date with a 12-hour clock: month first only where day first is no day
    ("4/13/2023 2:01:32 PM", ("2023-04-13", False)),
    ("20/12/2016 08:30:00 AM", ("2016-12-20", False)),
    ("4/12/2023 2:01:32 PM", ("2023-12-04", False)),  # either way: the Vietnamese order
    ("4/13/2023 14:01:32", None),  # no 12-hour clock: no month-first reading
    ("12/07/2022 01:15 23 lượt xem", ("2022-07-12", False)),  # a view count, its label after it
    # an author's name before a clock and a date, or before a weekday after a dash
    ("TRẦN MINH 08:41, 12/05/2023", ("2023-05-12", False)),
    ("Thu Hà-Thứ hai, ngày 15/05/2023 09:10 GMT+7", ("2023-05-15", False)),
    ("Trần Minh 08:41, tại hội trường 12/05/2023", None),
    # a release date with its clock's minute in one digit; labelled parts with no bar between them
    ("Ngày phát hành 9:7 | 3/2/2024", ("2024-02-03", True)),
    ("Người đăng tin: Ban biên tập Ngày đăng tin: 21/08/2012 Lượt xem: 140", ("2012-08-21", True)),
    ("Người đăng tin: Ban biên tập ngày 21/08/2012 đã gửi", None),
])
def test_parse_date_line(line, expected):
    assert parse_date_line(line) == expected


@pytest.mark.parametrize("value, expected", [
    ("2022-05-12T07:30:00+07:00", "2022-05-12"),
    ("2022-05-12 07:30", "2022-05-12"),
    ("12/05/2022", "2022-05-12"),
    ("May 12, 2022", "2022-05-12"),
    ("hôm qua", None),
    ("", None),
])
def test_parse_date(value, expected):
    from indexer.dates import parse_date

    assert parse_date(value) == expected


@pytest.mark.parametrize("line, expected", [
    (" date 2024-03-14 Sáng 13-3, UBND huyện họp", ("2024-03-14", "Sáng 13-3, UBND huyện họp")),
    ("14/3/2024Thực hiện kế hoạch, huyện rà soát", ("14/3/2024", "Thực hiện kế hoạch, huyện rà soát")),
    ("14/3/2024 Thực hiện kế hoạch của tỉnh", None),  # a lead that begins with a date keeps it
    ("date 2024-02-30 Sáng nay", None),
    ("Ngày 14/3/2024, huyện tổ chức hội nghị", None),
    (" date 2021-10 Trong quý III, toàn huyện tiếp nhận", ("date 2021-10", "Trong quý III, toàn huyện tiếp nhận")),
    ("date 2021-13 Trong quý III", None),
])
def test_split_glued_date(line, expected):
    from indexer.dates import split_glued_date

    assert split_glued_date(line) == expected


@pytest.mark.parametrize("lines, expected", [
    # the cells of a two-column header broken over lines
    (["ỦY BAN NHÂN DÂN", "TỈNH HÀ GIANG", "|", "CỘNG HÒA XÃ HỘI", "CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
      "|", "Số: 15/KH-UBND", "|", "Hà Giang, ngày 9", "tháng 01 năm 2024", "|", "KẾ HOẠCH"],
     "Hà Giang, ngày 9 tháng 01 năm 2024"),
    # the whole header on one line with the title and the text
    (["UBND TỈNH BẠC LIÊU Số: 05/QĐUBND CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập Tự do Hạnh phúc Bạc Liêu, ngày 3 "
      "tháng 4 năm 2020 QUYẾT ĐỊNH Về việc ban hành Quy chế"], "Bạc Liêu, ngày 3 tháng 4 năm 2020"),
    (["Số: 15/KH-UBND", "Hà Giang, ngày 9 tháng 01 năm 2024"], "Hà Giang, ngày 9 tháng 01 năm 2024"),
    # a legal-document site's table, when the document's own header is not among the lines
    (["Số hiệu: 14/2024/QĐ-UBND Loại văn bản: Quyết định", "Ngày ban hành: 02/05/2024 Ngày hiệu lực: Đã biết"],
     "02/05/2024"),
    (["Ngày ban hành: 02/05/2024", "Số: 14/2024/QĐ-UBND", "Lai Châu, ngày 03 tháng 5 năm 2024"],
     "Lai Châu, ngày 03 tháng 5 năm 2024"),
    # a cited document, a sentence, an impossible day
    (["Căn cứ Quyết định số 15/QĐ-UBND ngày 9 tháng 01 năm 2024 của UBND tỉnh"], None),
    (["Số: 15/KH-UBND", "Theo đó, ngày 9 tháng 01 năm 2024"], None),
    (["Số: 15/KH-UBND", "Hà Giang, ngày 31 tháng 02 năm 2024"], None),
])
def test_document_date_line(lines, expected):
    from indexer.dates import document_date_line

    assert document_date_line(lines) == expected


@pytest.mark.parametrize("line, expected", [
    ("date 2021-10", "2021-10"),
    (" date 2021-10 ", "2021-10"),
    ("date 2021-10-05", None),  # a whole date is a date line
    ("date 2021-00", None),
    ("cập nhật 2021-10", None),
])
def test_stamp_month(line, expected):
    from indexer.dates import stamp_month

    assert stamp_month(line) == expected
