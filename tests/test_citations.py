import datetime as dt

from kehoach.text.plain import PlainText
from kehoach.text.symbols import find_citations, term_label


def cites(text):
    return find_citations(PlainText(text))


def test_forms_seen_in_the_seeds():
    text = (
        "Thực hiện Nghị quyết số 21-NQ/TW, ngày 16/6/2022 của Ban Chấp hành Trung ương; "
        "Kết luận 21-KL/TW, ngày 25/10/2021; Kế hoạch số 54- KH/ĐUK ngày 28/3/2022; "
        "kế hoạch số 64-Kh/ĐUK, ngày 26/7/2022; Chỉ thị 05-CT/TW; Hướng dẫn số 09-HD/BTCTW."
    )
    found = [(c.symbol, c.date) for c in cites(text)]
    assert found == [
        ("21-NQ/TW", dt.date(2022, 6, 16)),
        ("21-KL/TW", dt.date(2021, 10, 25)),
        ("54-KH/ĐUK", dt.date(2022, 3, 28)),
        ("64-KH/ĐUK", dt.date(2022, 7, 26)),
        ("05-CT/TW", None),
        ("09-HD/BTCTW", None),
    ]
    assert [c.type_written for c in cites(text)][3] == "Kh"


def test_list_form_gives_one_citation_per_number():
    found = cites("các Nghị quyết số 02, 03, 04-NQ/ĐUK của Ban Chấp hành")
    assert [c.symbol for c in found] == ["02-NQ/ĐUK", "03-NQ/ĐUK", "04-NQ/ĐUK"]
    assert all(c.in_list for c in found)


def test_date_written_in_words_after_a_parenthesis():
    (c,) = cites("(Ban hành kèm theo Kế hoạch số 41-KH/ĐUK) ngày 21 tháng 3 năm 2023")
    assert (c.symbol, c.date) == ("41-KH/ĐUK", dt.date(2023, 3, 21))


def test_emphasis_does_not_hide_a_citation_and_lines_point_at_the_file():
    plain = PlainText("dòng một\nThực hiện **Kế hoạch số 90-KH/ĐUK**, ngày *28/02/2023*")
    found = find_citations(plain)
    assert [(c.symbol, c.date, plain.line(c.start)) for c in found] == [("90-KH/ĐUK", dt.date(2023, 2, 28), 2)]


def test_confusable_eth_still_resolves_to_the_real_code():
    (c,) = cites("Kế hoạch số 90-KH/ÐUK")  # U+00D0
    assert c.code == "ĐUK" and c.code_written == "ÐUK"


def test_attribution_stops_at_the_next_citation():
    found = cites(
        "Kết luận 21-KL/TW, ngày 25/10/2021 của Hội nghị Trung ương 4 (khóa III), "
        "Kết luận số 01-KL/TW, ngày 18/5/2021 của Bộ Chính trị (khóa XIII)"
    )
    assert [term_label(c) for c in found] == ["III", "XIII"]
    assert "01-KL" not in found[0].attribution


def test_attributed_level_is_the_first_body_named():
    from kehoach.text.orgnames import level_named

    assert level_named("của Ban Thường vụ Tỉnh ủy Phú Thọ") == "province"
    assert level_named("của Ban Chấp hành Trung ương, Ban Thường vụ Đảng ủy Khối xây dựng") == "central"
    assert level_named("của Ban Thường vụ Đảng uỷ khối") == "bloc"
    assert level_named("của Ban Chấp hành Đảng bộ Thành phố") == "province"
    assert level_named("đảm bảo nghiêm túc") is None


def test_folding_handles_d_stroke_and_every_tone_mark():
    from kehoach.text.unicode import fold

    assert fold("Đặng Ngọc Sơn") == "dang ngoc son"
    assert fold("SƠ KẾT giữa nhiệm kỳ; Tỉnh uỷ, Tỉnh ủy") == "so ket giua nhiem ky; tinh uy, tinh uy"
