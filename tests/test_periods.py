import pytest

from indexer.periods import reporting_period


@pytest.mark.parametrize("title, body, published, expected", [
    ("Kết quả thực hiện công tác CCHC Quý I/2022", "", None, (2022, "Q1")),
    ("Kết quả CCHC quý 3 năm 2018", "", None, (2018, "Q3")),
    ("Báo cáo CCHC quý IV năm 2019", "", None, (2019, "Q4")),
    ("KẾT QUẢ CÔNG TÁC CCHC 6 THÁNG ĐẦU NĂM 2014.", "", "2014-06-12", (2014, "H1")),
    ("Sơ kết công tác CCHC 6 tháng năm 2020", "", None, (2020, "H1")),
    ("Phương hướng CCHC 6 tháng cuối năm 2016", "", None, (2016, "H2")),
    ("Báo cáo CCHC 9 tháng năm 2019", "", None, (2019, "9M")),
    ("Kết quả CCHC 06 tháng đầu năm 2024", "", None, (2024, "H1")),  # a month count with a leading zero
    ("Nửa đầu năm 2024, gần 10.000 hồ sơ được giải quyết trực tuyến", "", None, (2024, "H1")),  # half a year
    ("Kết quả CCHC nửa cuối năm 2023", "", None, (2023, "H2")),
    # a committee's term names no span: the quarter reviewed and the year named after it stand
    ("Sáng 3/4/2018, Ban Chấp hành Đảng bộ huyện khóa XVIII nhiệm kỳ 2015 - 2020 đánh giá nhiệm vụ quý I",
     "Sáng 3/4/2018, Ban Chấp hành Đảng bộ huyện khóa XVIII nhiệm kỳ 2015 - 2020 đã tổ chức hội nghị nhằm đánh giá kết "
     "quả thực hiện nhiệm vụ quý I, triển khai nhiệm vụ quý II năm 2018.", None, (2018, "Q1")),
    ("Báo cáo CCHC quý 01/2023", "", None, (2023, "Q1")),
    ("Tổng kết công tác CCHC năm 2022 và triển khai nhiệm vụ năm 2023", "", "2023-02-24", (2022, "FY")),
    ("Ban hành Kế hoạch công tác cải cách hành chính năm 2021", "", "2021-01-05", (2021, "FY")),
    ("Kế hoạch CCHC giai đoạn 2021-2025", "", "2021-03-02", (2021, None)),  # many years: the one it was issued in
    # an index announced is the year's; a decision publishing a list of procedures reports on no period
    ("Công bố chỉ số cải cách thủ tục hành chính các xã, phường năm 2021", "", "2022-03-01", (2021, "FY")),
    ("Quyết định 2689/QĐ-UBND năm 2020 công bố Danh mục thủ tục hành chính sửa đổi, bổ sung lĩnh vực hộ tịch", "",
     "2020-10-07", (2020, None)),
    # the year reported on, not the year of publication
    ("Huyện công bố Chỉ số CCHC năm 2022 của các xã", "Sáng 02/03/2023, UBND huyện công bố.", "2023-03-02",
     (2022, "FY")),
    ("Thị xã tăng 5 bậc về SIPAS 2021", "", "2022-04-20", (2021, "FY")),
    # an index the headline sets as a goal is no year's result
    ("Giải pháp nâng cao Chỉ số cải cách hành chính của thị xã", "Thời gian qua, thị xã đã nỗ lực nhiều mặt.",
     "2023-05-10", (2023, None)),
    ("Tập trung cải thiện Chỉ số hài lòng của huyện", "Huyện chỉ đạo các xã rà soát quy trình.", "2022-08-03",
     (2022, None)),
    ("Hội nghị tổng kết công tác cải cách hành chính", "Sáng 14/1, UBND huyện tổng kết.", "2024-01-15",
     (2023, "FY")),
    ("Hội nghị tổng kết công tác cải cách hành chính", "", "2023-12-28", (2023, "FY")),
    ("Báo cáo kết quả CCHC tháng 5/2023", "", "2023-06-02", (2023, None)),
    ("Sơ kết công tác CCHC 8 tháng đầu năm 2021", "", "2021-09-10", (2021, None)),
    ("Hội nghị tập huấn", "Căn cứ Luật Tổ chức chính quyền địa phương năm 2015, ngày 5/3/2019 huyện mở lớp.",
     "2019-03-06", (2019, None)),
    ("Tỉnh tăng 6 bậc Chỉ số sẵn sàng ứng dụng CNTT", "Theo Báo cáo ICT Index năm 2019, tỉnh xếp thứ 20.",
     "2020-06-01", (2019, "FY")),
    ("Một năm vận hành Trung tâm hành chính công", "Trung tâm tiếp nhận hồ sơ từ tháng 7/2018.", "2019-08-15",
     (2019, None)),
    ("Đẩy mạnh tự chủ tài chính", "Mục tiêu đến năm 2025, 30% đơn vị tự chủ.", None, (None, None)),
    ("Bế mạc hội thi giáo viên giỏi năm học 2016 - 2017", "", "2017-01-10", (2016, None)),
    ("Kiểm tra công tác CCHC tại xã Tân Lập", "Ngày 12/10/2022, đoàn kiểm tra của huyện làm việc.", "2022-10-13",
     (2022, None)),
    ("Hội nghị tập huấn nghiệp vụ", "Trong quý II/2017, tỉnh đã tổ chức tập huấn.", None, (2017, "Q2")),
    ("Hội nghị tập huấn nghiệp vụ", "Nội dung tập huấn.", "2019-05-02", (2019, None)),
    ("Hội nghị tập huấn nghiệp vụ", "Nội dung tập huấn.", None, (None, None)),
    ("Triển khai Nghị định 61/2018/NĐ-CP", "", "2020-01-01", (2020, None)),
    # "pháp luật" is no law title: the year after it stays
    ("Hội thi tìm hiểu pháp luật cho thanh niên năm 2015", "", None, (2015, None)),
    # a headline without a year: the lead names an index, a year-end review or the annual plan with its year
    ("Huyện đứng đầu khối thi đua", "Tỉnh vừa công bố kết quả Chỉ số CCHC năm 2019 của các huyện.", "2020-03-10",
     (2019, "FY")),
    ("Đạt điểm cao về quản trị công", "Hội nghị công bố chỉ số Hiệu quả quản trị và hành chính công (PAPI) năm 2023.",
     None, (2023, "FY")),
    ("Nhiều điểm sáng trong cải cách", "Vừa qua, UBND huyện tổ chức tổng kết công tác CCHC năm 2018.", "2019-01-20",
     (2018, "FY")),
    # the satisfaction index in its official wording, the year after the unit it covers
    ("Sở Xây dựng đứng cuối bảng", "Sở Xây dựng có chỉ số hài lòng thấp nhất, đạt 82,1%.\n\nNgày 20/1, UBND tỉnh "
     "phê duyệt kết quả Chỉ số hài lòng của tổ chức, cá nhân đối với sự phục vụ của các cơ quan hành chính nhà "
     "nước trên địa bàn tỉnh năm 2024.", "2025-01-21", (2024, "FY")),
    ("Người dân hài lòng hơn", "Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính "
     "nhà nước (SIPAS) năm 2022 của tỉnh đạt 85,5%.", "2023-04-02", (2022, "FY")),
    ("KẾ HOẠCH KIỂM SOÁT THỦ TỤC HÀNH CHÍNH CỦA TỈNH", "UBND tỉnh ban hành Kế hoạch số 12/KH-UBND về kiểm soát "
     "thủ tục hành chính năm 2021.", "2021-01-08", (2021, "FY")),
    ("Nhiều điểm sáng trong cải cách", "Vừa qua, UBND huyện ban hành kế hoạch năm 2018.", "2018-01-20",
     (2018, None)),  # a plan in the lead of a headline that names none is not the bulletin's period
    # a lead sentence that opens on the year of publication (or any year on an undated page) and gives its figures
    # reports that year (FY); one without a figure, or counting to a day ("Tính đến hết năm 2019"), does not
    ("Thành phố đẩy mạnh giải quyết hồ sơ trực tuyến", "Năm 2023, tỷ lệ hồ sơ giải quyết đúng hạn của thành phố "
     "đạt 98,72%.", None, (2023, "FY")),
    ("Gần 98% hồ sơ đăng ký kinh doanh đúng hạn", "Trong năm 2019, Sở Kế hoạch và Đầu tư tiếp nhận 4.210 hồ sơ.",
     "2019-12-20", (2019, "FY")),
    ("Thành phố đẩy mạnh giải quyết hồ sơ trực tuyến", "Năm 2023, thành phố tiếp tục xác định CCHC là trọng tâm.",
     "2023-05-06", (2023, None)),
    ("Thành phố đẩy mạnh giải quyết hồ sơ trực tuyến", "Tính đến hết năm 2019, thành phố có 40 xã đạt chuẩn.",
     "2019-12-06", (2019, None)),
    ("Các tỉnh ký quy chế phối hợp", "Năm 2022, Sở Nội vụ của 5 tỉnh đã ký quy chế phối hợp.", "2022-08-06",
     (2022, None)),  # no figure of results
    ("Huyện chọn chuyển đổi số làm khâu đột phá", "Năm 2022, huyện chọn chuyển đổi số là khâu đột phá với mục tiêu "
     "95% hồ sơ nộp trực tuyến.", "2022-03-06", (2022, None)),  # a target
    # a headline's index without its year: the latest index year the lead names, over a part of a year it names
    ("Tây Ninh tăng 17 bậc chỉ số cải cách hành chính", "Theo kết quả công bố Chỉ số cải cách hành chính - Par Index "
     "2020, tỉnh tăng 17 bậc so với năm 2019.\n\nTrong 6 tháng đầu năm 2021, Trung tâm tiếp nhận 80.000 hồ sơ.", None,
     (2020, "FY")),
    ("Huyện Tân Lập giữ vững vị trí dẫn đầu về CCHC", "Trong 6 tháng đầu năm 2021, huyện tiếp nhận 8.000 hồ sơ.",
     None, (2021, "H1")),
    # the satisfaction index named in words is an annual index
    ("86,2% người dân, tổ chức hài lòng về sự phục vụ của cơ quan hành chính", "Năm 2021, có 86,2% người dân hài "
     "lòng.", None, (2021, "FY")),
    # a page without a date: the day its lead opens with; with a date, the year of publication
    ("Hội thi tìm hiểu thủ tục hành chính", "(TTX) - Ngày 14/9/2016, Hội Phụ nữ huyện tổ chức hội thi.", None,
     (2016, None)),
    ("Hưởng ứng cuộc thi sáng kiến", "Ngày 20/12/2015, Văn phòng Chính phủ phát động cuộc thi.", "2016-02-01",
     (2016, None)),
    ("Một ngày hội của ngành", "Ngày 2/9/2015 là ngày hội của toàn tỉnh.", None, (2015, None)),
    # a page without a date whose lead opens with a day and no year: the latest full date of the lead,
    # but never the date beside a document number, which is the cited document's
    ("Đưa vào hoạt động Trung tâm hành chính công", "Ngày 17/5, tỉnh chính thức đưa Trung tâm vào hoạt động. "
     "Trước đó, ngày 15/3/2017, Chủ tịch UBND tỉnh đã ký quyết định thành lập Trung tâm.", None, (2017, None)),
    ("Tăng cường kỷ luật công vụ", "Tại văn bản ban hành ngày 7/8/2023, Chủ tịch UBND tỉnh yêu cầu các sở tự "
     "kiểm tra công vụ, theo Quyết định số 08/2014/QĐ-UBND ngày 05/5/2014.", None, (2023, None)),
    ("Tổng kết việc sắp xếp tổ chức bộ máy", "Sáng ngày 17/12, Ban Chỉ đạo tổng kết thực hiện Nghị quyết số "
     "18-NQ/TW, ngày 25/10/2017 của Ban Chấp hành Trung ương.", None, (None, None)),
    ("Đẩy mạnh cải cách thủ tục", "UBND tỉnh ban hành Kế hoạch số 197/KH-UBND, ngày 15/12/2020 về tổng kết Đề án.",
     None, (None, None)),
    # an undated page's lead goes from the past to the present: its latest year
    ("Huyện công khai đánh giá mức độ hài lòng", "Năm 2016 là năm thứ 3 liên tiếp huyện xếp đầu bảng về CCHC. "
     "Năm 2017, huyện vẫn xác định công tác CCHC là nhiệm vụ trọng tâm.", None, (2017, None)),
    # an undated page whose lead names no year: the latest year further on (target years still never count)
    ("Sử dụng dịch vụ công trực tuyến tại cấp xã còn hạn chế", "Cổng dịch vụ công của tỉnh công khai 1.764 thủ tục."
     "\n\nNhiều xã chưa phát sinh hồ sơ trực tuyến.\n\nTrong năm 2022, toàn tỉnh tiếp nhận 5.000 hồ sơ trực tuyến; "
     "mục tiêu đến năm 2025 đạt 50%.", None, (2022, None)),
    # an undated page with no year alone and no full date: the latest month it names with its year (a document's
    # month beside its number is that document's)
    ("Bưu điện tiếp nhận hồ sơ thủ tục hành chính", "Sau ba năm triển khai, kết quả bước đầu khả quan.\n\nLũy kế "
     "đến cuối tháng 8/2021, bưu điện đã nhận 12.400 hồ sơ.", None, (2021, None)),
    ("Nâng chất lượng phục vụ người dân", "Chiều 12.9, thành phố tổ chức hội nghị.\n\nTính đến tháng 9.2024, thành "
     "phố đã công bố 1.470 dịch vụ công trực tuyến.", None, (2024, None)),  # "tháng 9.2024": a newspaper's month
    ("Bưu điện tiếp nhận hồ sơ thủ tục hành chính", "Thực hiện Kế hoạch 35/KH-UBND tháng 4/2018, bưu điện đã nhận "
     "hồ sơ tại nhà.", None, (None, None)),
    # a headline over several years: an index series or a programme's plan is no year's, and no FY
    ("Chỉ số PAPI các tỉnh Tây Nguyên giai đoạn 2016 - 2020", "Chỉ số PAPI của tỉnh luôn ở nhóm khá.", None,
     (None, None)),
    ("Kế hoạch cải cách hành chính giai đoạn 2021-2025", "Kế hoạch đề ra sáu nhiệm vụ trọng tâm.", None, (None, None)),
    # a headline naming a ranking without its year: the index year the body names, though the lead names others
    ("Sở Nội vụ dẫn đầu bảng xếp hạng các sở, ngành", "Sở Tư pháp tụt xuống loại khá, sau loại tốt đạt được năm "
     "2019.\n\nNhiều huyện giữ được thứ hạng.\n\nCăn cứ kết quả Chỉ số cải cách hành chính năm 2020, các đơn vị "
     "rà soát hạn chế.", None, (2020, "FY")),
    # the day results are counted to ("tính đến hết năm 2022") is no target year; what is planned next still is
    ("Toàn tỉnh có 40 xã đạt chuẩn tiếp cận pháp luật", "Tính đến hết năm 2022, toàn tỉnh có 40 xã đạt chuẩn. "
     "Dự kiến đến hết năm 2023, toàn tỉnh có thêm 12 xã đạt chuẩn.", None, (2022, None)),
    # a ranking without its year whose lead names a part of a year: that part, not FY
    ("Tỉnh tăng 5 bậc trên bảng xếp hạng phục vụ người dân", "Theo báo cáo 9 tháng của Ban Chỉ đạo, tỉnh đạt 78,5 "
     "điểm, cao hơn mức bình quân cả nước.", None, (None, "9M")),
    # a starting point, a birth year and the period compared with are never the year reported on
    ("Xây dựng văn hóa công sở", "Trung tâm được thành lập từ năm 2012 và phục vụ người dân.", None, (None, None)),
    ("Xử phạt vi phạm hành chính", "Xử phạt ông Nguyễn Văn A (SN 1980, huyện B).", None, (None, None)),
    ("Hồ sơ trực tuyến tăng mạnh", "Số hồ sơ trực tuyến cao gấp đôi so với cùng kỳ năm 2020.", None, (2021, None)),
    ("Hồ sơ trực tuyến tăng mạnh", "Số hồ sơ trực tuyến cao gấp đôi so với cùng kỳ năm 2020.", "2021-05-04",
     (2021, None)),
    # an index ranking named in the lead, its year a few words on
    ("Thành phố dẫn đầu về chuyển đổi số", "Thành phố được xếp hạng nhất về chuyển đổi số 2022 cấp tỉnh.",
     "2023-09-10", (2022, "FY")),
    # the year compared with is never the one reported on: an undated page "tăng ... so với năm 2022" is 2023
    ("Cao Bằng duy trì vị trí dẫn đầu", "Theo kết quả đánh giá, Chỉ số PAR INDEX tỉnh đạt 90,09 điểm, tăng 1,03 "
     "điểm so với năm 2022.", None, (2023, None)),
    # results of a whole year in the headline ("trong năm 2019", "Năm 2021 tỉnh ...") are FY
    ("Năm 2024 tỉnh Cao Bằng giải quyết hồ sơ trước hạn và đúng hạn chiếm tỷ lệ 99,86%", "Tổng số hồ sơ ...", None,
     (2024, "FY")),
    ("Cao Bằng: 1.200 hồ sơ được giải quyết trực tuyến trong năm 2019", "Theo báo cáo, trong năm 2019 ...",
     "2019-12-31", (2019, "FY")),
    # a review of the second half is H2, and its headline's year stands
    ("Sơ kết công tác CCHC 6 tháng cuối năm 2014 của tỉnh Hậu Giang", "Trong 6 tháng đầu năm 2023, tỉnh ...", None,
     (2014, "H2")),
    # a headline's quarter without its year takes the year the lead gives that quarter
    ("Quý III, Hội An giải quyết 10.455 hồ sơ", "NHƯ QUỲNH |\n\nTheo UBND TP.Hội An, trong quý III.2020, tổng số "
     "hồ sơ là 10.455.", None, (2020, "Q3")),
    # a byline or a stray word before the lead is no part of it
    ("Nỗ lực phục vụ người dân", "Minh An\n\naa\n\nTrong 6 tháng đầu năm 2023, Trung tâm tiếp nhận 9.000 hồ sơ.",
     "2023-08-01", (2023, "H1")),
    # a period named in the lead's third paragraph (a sapo and a caption come first); the headline printed again
    # is no part of the lead
    ("Huyện tiếp nhận hơn 2.000 hồ sơ qua bộ phận một cửa", "(Báo Tây Bắc) - Bộ phận một cửa huyện đã tiếp nhận "
     "2.030 hồ sơ, phần lớn về đất đai.\n\nHuyện tiếp nhận hơn 2.000 hồ sơ qua bộ phận một cửa\n\nNgười dân làm "
     "thủ tục tại bộ phận một cửa huyện.\n\nTrong 6 tháng đầu năm 2022, huyện tiếp nhận 2.030 hồ sơ.", None,
     (2022, "H1")),
    ("Xóa bỏ 120 thủ tục không cần thiết", "Tỉnh tiếp tục rà soát, cắt giảm thủ tục hành chính.\n\nNgay từ đầu "
     "năm, các sở đã rà soát toàn bộ thủ tục thuộc thẩm quyền.\n\n9 tháng đầu năm 2021, tổng số hồ sơ tiếp nhận "
     "là 150.300.", None, (2021, "9M")),
    # but not when the first two name a year: they set the frame, and a later period is a detail of it
    ("Huyện nâng cao chất lượng bộ phận một cửa", "Từ đầu năm 2019 đến nay, huyện kiện toàn bộ phận một cửa ở cả "
     "hai cấp.\n\nHuyện niêm yết công khai 300 thủ tục cấp huyện.\n\nNhờ đó, 9 tháng năm 2019, tỷ lệ hồ sơ đúng "
     "hạn đạt 95%.", None, (2019, None)),
    # published early in a year with figures for the year before (and for no later year): that year's results
    ("Đẩy mạnh chữ ký số", "Thời gian qua, tỉnh đẩy mạnh ký số.\n\nTrong năm 2022, đã cấp 500 chứng thư số.",
     "2023-02-10", (2022, "FY")),
    ("Thu ngân sách vượt dự toán", "Dù nhiều khó khăn, ngành thuế vẫn về đích. Kết thúc năm 2022, tổng thu đạt 9.100 "
     "tỷ đồng, tăng 5% so với cùng kỳ năm 2021.", "2023-01", (2022, "FY")),
    ("Đẩy mạnh chữ ký số", "Trong năm 2022, đã cấp 500 chứng thư số. Năm 2023, tỉnh cấp thêm 200 chứng thư.",
     "2023-02-10", (2023, None)),
    ("Đẩy mạnh chữ ký số", "Thời gian qua, tỉnh đẩy mạnh ký số.\n\nTrong năm 2022, đã cấp 500 chứng thư số.",
     "2023-07-10", (2023, None)),
    ("Tăng cường kiểm tra công vụ", "Ngày 10/2/2023, tỉnh lập đoàn kiểm tra.\n\nNăm 2022, đoàn đã kiểm tra 20 cơ quan.",
     "2023-02-12", (2023, None)),  # the day of the event reported is in the year of publication
    # nor are the page's own stamp and a cited document's date days of a later year it reports on
    ("Phường 5 đứng đầu thành phố về giải quyết hồ sơ", "08:30, 14/02/2021\n\nVới 17 điểm, Phường 5 đứng đầu 12 xã, "
     "phường của thành phố về giải quyết hồ sơ đúng hạn trong năm 2020 vừa qua.", "2021-02-14", (2020, "FY")),
    ("Công bố kết quả khảo sát sự hài lòng", "UBND tỉnh ban hành Quyết định số 210/QĐ-UBND ngày 03/02/2021 công bố "
     "kết quả khảo sát.\n\nNăm 2020, Sở Nội vụ khảo sát 3.200 người dân tại 40 xã.", "2021-02-20", (2020, "FY")),
    # a day and month without a year after the month of publication: the year before
    ("Thành lập Trung tâm Phục vụ hành chính công tỉnh", "(Website) - Ngày 7/12, Chủ tịch UBND tỉnh ban hành quyết "
     "định thành lập Trung tâm Phục vụ hành chính công.", "2019-01-05", (2018, None)),
    ("Thành lập Trung tâm Phục vụ hành chính công tỉnh", "(Website) - Ngày 7/12, Chủ tịch UBND tỉnh ban hành quyết "
     "định thành lập Trung tâm Phục vụ hành chính công.", "2019-12-20", (2019, None)),
    # a phone number is no year: "1900" is before any year a bulletin reports on
    ("Đường dây nóng hỗ trợ 1900 54 54 81", "Bưu điện tỉnh tiếp nhận hồ sơ qua dịch vụ bưu chính công ích.",
     "2020-10-02", (2020, None)),
    # an undated page whose lead opens on a national document's day: that paragraph is no lead
    ("Sơn La tăng 12 bậc xếp hạng phục vụ người dân, doanh nghiệp", "Ngày 10/3/2023, Thủ tướng Chính phủ ban hành "
     "Quyết định số 766/QĐ-TTg về Bộ chỉ số phục vụ người dân.\n\nTỉnh xác định cải thiện chỉ số là nhiệm vụ trọng "
     "tâm.\n\nNăm 2025, Sơn La đạt 85,4 điểm, tăng 12 bậc so với năm 2024.", None, (2025, "FY")),
    ("Sơn La tăng 12 bậc xếp hạng phục vụ người dân, doanh nghiệp", "Ngày 10/3/2023, UBND tỉnh ban hành kế hoạch "
     "nâng cao chỉ số phục vụ người dân.\n\nTỉnh xác định cải thiện chỉ số là nhiệm vụ trọng tâm.\n\nNăm 2025, "
     "Sơn La đạt 85,4 điểm, tăng 12 bậc so với năm 2024.", None, (2023, "FY")),  # the province's own plan is news
    # a ranking ("thứ hạng") with its year is an annual result
    ("Thứ hạng CCHC các ngành, các huyện năm 2019", "Khối các ngành: Nhóm B (từ 90 điểm trở lên) có 3 đơn vị, Sở "
     "Tài chính dẫn đầu.", None, (2019, "FY")),
    # the index of Decision 766 is ranked by the week and the month too: its headline alone names no year's result,
    # the lead decides
    ("Đồng Nai tăng thứ hạng về chỉ số phục vụ người dân, doanh nghiệp", "Ngày 28/8, UBND tỉnh thông báo kết quả "
     "đánh giá Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp tính đến tuần thứ "
     "3, tháng 8/2025.\n\nTheo đó, tỉnh xếp thứ 3 cả nước.", "2025-08-28", (2025, None)),
    ("Sơn La tăng 12 bậc chỉ số phục vụ người dân, doanh nghiệp", "Tỉnh xác định cải thiện chỉ số là nhiệm vụ trọng "
     "tâm.\n\nNăm 2025, Sơn La đạt 85,4 điểm, tăng 12 bậc so với năm 2024.", None, (2025, "FY")),
    # a headline naming its year with a year's recognition, targets or tasks: that year (FY); without
    # the year, the same words name no period (a commune recognised is an event)
    ("Huyện Đầm Dơi hoàn thành chỉ tiêu năm 2022 về hồ sơ trực tuyến", "Huyện đã tiếp nhận 12.400 hồ sơ qua Cổng "
     "dịch vụ công.", None, (2022, "FY")),
    ("Công nhận 15 xã đạt chuẩn tiếp cận pháp luật năm 2020", "Chủ tịch UBND huyện trao quyết định công nhận.", None,
     (2020, "FY")),
    ("Nghị quyết về nhiệm vụ phát triển kinh tế - xã hội năm 2024", "HĐND tỉnh thông qua nghị quyết tại kỳ họp.",
     "2023-12-08", (2024, "FY")),
    ("Xã Tân Hưng đạt chuẩn nông thôn mới", "Ngày 12/5/2022, UBND tỉnh trao bằng công nhận xã đạt chuẩn nông thôn "
     "mới.", "2022-05-13", (2022, None)),
    ("Bình Định phấn đấu vào nhóm 10 tỉnh dẫn đầu về cải cách hành chính năm 2026", "UBND tỉnh ban hành kế hoạch "
     "với 12 nhóm giải pháp.", None, (2026, "FY")),
    ("Bình Định phấn đấu vào nhóm 10 tỉnh dẫn đầu về cải cách hành chính", "Ngày 3/1/2026, UBND tỉnh ban hành kế hoạch "
     "với 12 nhóm giải pháp.", "2026-01-05", (2026, None)),
    # a lead opening on a year reviews that year's work: published in it or early in the next, not later
    ("Đặc khu Vân Đồn: Bứt phá trong cải cách hành chính", "Năm 2025 đánh dấu một bước chuyển mình của đặc khu trong "
     "cải cách hành chính, tạo đà để bứt phá trong năm 2026.\n\nĐặc khu hoàn thành 21/21 nhiệm vụ đề ra.",
     "2026-02-28", (2025, "FY")),
    ("Đặc khu Vân Đồn: Bứt phá trong cải cách hành chính", "Năm 2025 đánh dấu một bước chuyển mình của đặc khu trong "
     "cải cách hành chính, tạo đà để bứt phá trong năm 2026.\n\nĐặc khu hoàn thành 21/21 nhiệm vụ đề ra.",
     "2026-09-28", (2026, None)),
    ("Thị xã Bến Cát", "Trong năm 2019, tại thị xã, từ bộ phận một cửa đến các xã, phường đều có nhiều thay đổi về "
     "cải cách hành chính.\n\nBộ phận một cửa thị xã đã tiếp nhận 52.100 hồ sơ.", None, (2019, "FY")),
    ("Các tỉnh phía Nam ký kết phối hợp", "Năm 2023, Sở Nội vụ của 6 tỉnh phía Nam đã ký kết quy chế phối hợp giải "
     "quyết thủ tục hành chính.\n\nCác bên thống nhất chọn một số thủ tục hộ tịch, chứng thực.", None, (2023, None)),
    # the lead's period of another year than the headline names is the meeting's that told it, not the news's (a
    # year's place in a ranking: FY)
    ("Bến Tre dẫn đầu khu vực về cải cách hành chính năm 2024", "Ngày 9-4, UBND tỉnh tổ chức phiên họp tháng 3 và quý "
     "1 năm 2025.\n\nTheo báo cáo, tỉnh vươn lên dẫn đầu khu vực về chỉ số cải cách hành chính năm 2024.",
     "2025-04-09", (2024, "FY")),
    ("Bến Tre: kết quả giải quyết hồ sơ năm 2024", "Trong quý 1 năm 2024, tỉnh tiếp nhận 12.000 hồ sơ.", "2024-04-09",
     (2024, "FY")),
    # a legal database's headline: the year after the document's number is the document's, not its subject's
    ("Quyết định 345/QĐ-UBND năm 2023 công bố Chỉ số hài lòng của người dân đối với sự phục vụ của cơ quan hành chính "
     "tỉnh Bến Tre năm 2022", "", "2023-02-27", (2022, "FY")),
    # a plan for a span of years is of the year its number gives
    ("Kế hoạch 155/KH-UBND năm 2017 triển khai Chương trình hành động về đăng ký hộ tịch giai đoạn 2017 - 2024", "",
     None, (2017, None)),
    # a year's place in a ranking, and a report of a year's situation (not the head of an agency: "người đứng đầu")
    ("Bắc Giang dẫn đầu khu vực về cải cách hành chính năm 2023", "", "2024-04-09", (2023, "FY")),
    ("Tình hình giải quyết thủ tục hành chính của Sở Tư pháp năm 2019", "", "2020-01-06", (2019, "FY")),
    ("Người đứng đầu các đơn vị phải tiếp dân năm 2021", "", "2021-05-06", (2021, None)),
    # counted to the end of the year just past, read early in the next: that year's results (a target otherwise)
    ("Huyện Ea Kar: Thêm 4 xã đạt chuẩn nông thôn mới", "UBND huyện cho biết, đến cuối năm 2019, huyện đã có thêm 4 xã "
     "đạt chuẩn nông thôn mới.\n\nTổng vốn huy động cho chương trình năm 2019 là 874 tỷ đồng.", "2020-01-16",
     (2019, "FY")),
    ("Huyện Ea Kar: phấn đấu thêm 4 xã đạt chuẩn", "UBND huyện phấn đấu đến cuối năm 2020 có thêm 4 xã đạt chuẩn nông "
     "thôn mới.", "2020-01-16", (2020, None)),
    # a week's ranking (the index of Decision 766, ranked weekly) is no year's result
    ("Bộ chỉ số 766: Tuần 05 năm 2024, tỉnh xếp hạng 3/63 tỉnh, thành phố", "", "2024-02-10", (2024, None)),
    ("Tuần thứ 12/2024: tỉnh dẫn đầu về chỉ số phục vụ người dân", "", "2024-03-25", (2024, None)),
    # a first line that is the lead of a page whose headline is lost dates it as a lead does, also written out
    ("Ngày 14/9/2022, UBND tỉnh đã có báo cáo gửi Bộ Nội vụ về hoạt động của bộ phận một cửa các cấp",
     "Báo cáo đánh giá thực trạng tổ chức bộ máy của các bộ phận một cửa.", None, (2022, None)),
    ("Ngày 3 tháng 5 năm 2019, Ủy ban nhân dân tỉnh đã phê duyệt danh sách các xã đặc biệt khó khăn",
     "Toàn tỉnh có 40 xã được công nhận.", None, (2019, None)),
    ("Ngày 3 tháng 5, Ủy ban nhân dân tỉnh đã phê duyệt danh sách các xã đặc biệt khó khăn",
     "Toàn tỉnh có 40 xã được công nhận.", None, (None, None)),
    # a table's count that opens like a year names none ("19852" dossiers late is no year 1985)
    ("Kết quả giải quyết thủ tục hành chính", "Mức độ Tổng Đã xử lý Chưa xử lý Trước hạn Đúng hạn Trễ hạn\n"
     "Mức 1, 2 268763 257141 11622 124907 48,6% 102770 40% 19852 7,7%", None, (None, None)),
    ("Kết quả giải quyết thủ tục hành chính",
     "Trong tháng, tỉnh tiếp nhận 20215 hồ sơ, giải quyết đúng hạn 20150 hồ sơ.", "2023-05-04", (2023, None)),
    # a plan for several years is of the year it was issued (its number's, else its date's): no period
    ("QUYẾT ĐỊNH Ban hành Kế hoạch đo lường sự hài lòng giai đoạn 2016 - 2020 trên địa bàn tỉnh", "Điều 1. Ban hành",
     "2017-03-09", (2017, None)),
    ("Kế hoạch cải cách hành chính giai đoạn 2021 - 2025", "", None, (None, None)),
    # a count of dossiers that reads like a year is a count, as in the figures' periods ("2025 hồ sơ")
    ("Kết quả giải quyết hồ sơ", "Toàn huyện đã tiếp nhận 2025 hồ sơ, giải quyết 1998 hồ sơ.", None, (None, None)),
    ("Kết quả giải quyết hồ sơ", "Năm 2020 hồ sơ trực tuyến tăng mạnh.", None, (2020, None)),
])
def test_reporting_period(title, body, published, expected):
    assert reporting_period(title, body, published) == expected
