import pytest

from indexer.places import Place, locate, province_of_district


@pytest.mark.parametrize("title, body, url, expected", [
    ("Họp CCHC", "UBND tỉnh Cao Bằng triển khai. Tỉnh Cao Bằng đạt kết quả.", None, Place("Cao Bằng", None)),
    ("CCHC tại TP.HCM", "Thành phố triển khai kế hoạch.", None, Place("Hồ Chí Minh", None)),
    ("Cai cach hanh chinh tinh Dak Lak", "Tinh Dak Lak trien khai.", None, Place("Đắk Lắk", None)),
    ("Hội nghị CCHC", "Tỉnh Thừa Thiên - Huế tổ chức hội nghị.", None, Place("Thừa Thiên Huế", None)),
    ("UBND huyện Mộc Châu họp ban chỉ đạo CCHC", "Huyện Mộc Châu triển khai.", None, Place("Sơn La", "Mộc Châu")),
    ("Họp ban chỉ đạo", "Nội dung cuộc họp.", "https://sonoivu.caobang.gov.vn/tin/1", Place("Cao Bằng", None)),
    ("Họp ban chỉ đạo", "Nội dung cuộc họp.", "https://baotiengiang.vn/a", Place("Tiền Giang", None)),
    # weak or conflicting evidence: no guess
    ("Hội nghị CCHC", "Đoàn công tác học tập kinh nghiệm tại Hà Nội.", None, Place(None, None)),
    ("Hội nghị CCHC", "UBND tỉnh triển khai; đồng chí Nay Y Phú chủ trì.", None, Place(None, None)),
    ("Hội nghị", "Tỉnh Sơn La và tỉnh Lai Châu ký kết hợp tác.", None, Place(None, None)),
    # a commune or district named like a province is not the province
    ("Hội nghị", "UBND xã Hòa Bình và huyện Quảng Ninh triển khai.", None, Place(None, None)),
    # many districts listed: a provincial report, no district
    ("Báo cáo", "Tỉnh Sơn La: huyện Mộc Châu, huyện Mai Sơn, huyện Yên Châu.", None, Place("Sơn La", None)),
])
def test_locate(title, body, url, expected):
    assert locate(title, body, url) == expected


def test_province_of_district():
    assert province_of_district("Mộc Châu") == "Sơn La"
    assert province_of_district("Châu Thành") is None  # in many provinces
