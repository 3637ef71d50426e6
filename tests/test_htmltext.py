from indexer.htmltext import extract_page

PAGE = """<!doctype html><html><head>
<title>Sơ kết CCHC 6 tháng | Cổng thông tin tỉnh Sơn La</title>
<meta property="article:published_time" content="2014-06-12T14:58:52+07:00">
<link rel="canonical" href="https://snv.sonla.gov.vn/tin/123">
<script>var tracking = "Lượt xem";</script><style>p{color:red}</style>
</head><body>
<header><nav><a href="/">Trang chủ</a> » <a>Tin tức</a></nav></header>
<div class="sidebar">Tin xem nhiều</div>
<div class="news-detail">
  <h1>Sơ kết công tác CCHC 6 tháng đầu năm 2014</h1>
  <p>Ngày 02/6/2014, Sở Nội vụ ban hành <b>báo cáo</b> số 80/BC-SNV về công tác cải cách hành chính.</p>
  <p>Công tác tuyên truyền được đẩy mạnh.<br>Bộ phận một cửa hoạt động nền nếp.</p>
  <div class="share-buttons">Chia sẻ Facebook</div>
  <ul class="tin-lien-quan"><li>Tin cũ 01/01/2013</li></ul>
</div>
<footer>Bản quyền thuộc UBND tỉnh Sơn La</footer>
</body></html>"""


def test_article_title_text_date_and_address():
    page = extract_page(PAGE)
    assert page.title == "Sơ kết công tác CCHC 6 tháng đầu năm 2014"
    assert page.published == "2014-06-12"
    assert page.url == "https://snv.sonla.gov.vn/tin/123"
    assert page.text == (
        "Sơ kết công tác CCHC 6 tháng đầu năm 2014\n\n"
        "Ngày 02/6/2014, Sở Nội vụ ban hành báo cáo số 80/BC-SNV về công tác cải cách hành chính.\n\n"
        "Công tác tuyên truyền được đẩy mạnh.\n\n"
        "Bộ phận một cửa hoạt động nền nếp."
    )


def test_page_without_markup_hints_falls_back_to_body_and_title_tag():
    page = extract_page("<html><head><title>Kế hoạch CCHC năm 2021 - Sở Nội vụ</title></head>"
                        "<body><p>Nội dung kế hoạch.</p></body></html>")
    assert (page.title, page.text, page.published, page.url) == (
        "Kế hoạch CCHC năm 2021", "Nội dung kế hoạch.", None, None)


def test_a_page_with_no_text_in_its_body_is_its_title_and_description():
    """A page whose scripts write its body (or a copy cut after its head) is not lost: its head says what it is."""
    page = extract_page('<!DOCTYPE html><html><head><title>Kế hoạch CCHC năm 2021 - Sở Nội vụ</title>'
                        '<meta name="description" content="Sở Nội vụ ban hành kế hoạch cải cách hành chính năm 2021.">'
                        '</head><body><div id="app"></div><script>render()</script></body></html>')
    assert (page.title, page.text) == (
        "Kế hoạch CCHC năm 2021", "Kế hoạch CCHC năm 2021\n\nSở Nội vụ ban hành kế hoạch cải cách hành chính năm 2021.")
