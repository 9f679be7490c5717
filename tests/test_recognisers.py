"""The shared recognisers of an issued page (kehoach.text): each in the forms staff print it, and what it
must not take for itself."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from helpers import ROOT

from kehoach.importer.build import import_file
from kehoach.importer.extract import extract
from kehoach.importer.layout import text_layout
from kehoach.model.read import load_organizations
from kehoach.text.closing import read_closing
from kehoach.text.header import header_end, header_rows, pieces, read_header
from kehoach.text.heading import read_addressees, read_title
from kehoach.text.lines import columns, unwrap
from kehoach.text.markings import read_marking
from kehoach.text.orgnames import header_names
from kehoach.text.symbols import read_number_line

CORPUS_ORGS = ROOT / "tests" / "corpus" / "import" / "organizations.yml"


@pytest.mark.parametrize(
    "text, confidentiality, urgency, whole",
    [
        ("MẬT", "MẬT", None, True),
        ("Mật", "MẬT", None, True),
        ("MẬT.", "MẬT", None, True),
        ("Độ mật: MẬT", "MẬT", None, True),
        ("TÀI LIỆU MẬT", "MẬT", None, True),
        ("MẬT - KHẨN", "MẬT", "KHẨN", True),
        ("M Ậ T", "MẬT", None, True),
        ("T Ố I  M Ậ T", "TỐI MẬT", None, True),
        ("TUYỆT MẬT", "TUYỆT MẬT", None, True),
        ("HOẢ TỐC", None, "HỎA TỐC", True),
        ("THƯỢNG KHẨN", None, "THƯỢNG KHẨN", True),
        ("Số 15-HD/BTCTU MẬT", "MẬT", None, False),  # among other words: still read, for review
    ],
)
def test_markings_in_every_printed_form(text, confidentiality, urgency, whole):
    found = read_marking(text)
    assert found is not None and (found.confidentiality, found.urgency, found.whole) == (
        confidentiality,
        urgency,
        whole,
    )


@pytest.mark.parametrize("text", ["theo chế độ mật", "MẶT TRẬN TỔ QUỐC", "Hà Nội", "BAN TUYÊN GIÁO", "bí mật"])
def test_prose_and_look_alike_words_are_not_markings(text):
    assert read_marking(text) is None


@pytest.mark.parametrize(
    "line, written, number, symbol",
    [
        ("Số 97-KL/TW", "Số 97-KL/TW", "97", "97-KL/TW"),
        ("Số: 112-KH/HU", "Số: 112-KH/HU", "112", "112-KH/HU"),
        ("Số 15 - HD/BTCTU", "Số 15 - HD/BTCTU", "15", "15-HD/BTCTU"),
        ("Số 286–CV/VPĐUK", "Số 286–CV/VPĐUK", "286", "286-CV/VPĐUK"),
        ("Số 02-QC/ĐU", "Số 02-QC/ĐU", "02", "02-QC/ĐU"),
        ("Số      -BC/ĐU", "Số      -BC/ĐU", None, None),
        ("Số 27-HD/BTGTU Thừa Thiên Huế, ngày 10 tháng 12 năm 2024", "Số 27-HD/BTGTU", "27", "27-HD/BTGTU"),
    ],
)
def test_the_number_line_in_every_form(line, written, number, symbol):
    found = read_number_line(line)
    assert found is not None and (found.written, found.number, found.symbol) == (written, number, symbol)


def test_columns_split_at_wide_gaps_and_tabs_but_not_inside_a_blank_number():
    assert [s.text for s in columns("TỈNH ỦY NGHỆ AN            ĐẢNG CỘNG SẢN VIỆT NAM")] == [
        "TỈNH ỦY NGHỆ AN",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
    ]
    assert [s.text for s in columns("THÀNH ỦY CẦN THƠ\t\tĐẢNG CỘNG SẢN VIỆT NAM")] == [
        "THÀNH ỦY CẦN THƠ",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
    ]
    assert [s.text for s in columns("   Số      -BC/ĐU")] == ["Số      -BC/ĐU"]
    assert [s.text for s in columns("Báo cáo phải  đánh giá")] == ["Báo cáo phải  đánh giá"]


def test_header_items_run_together_are_taken_apart():
    assert pieces("TỈNH ỦY THỪA THIÊN HUẾ ĐẢNG CỘNG SẢN VIỆT NAM") == [
        "TỈNH ỦY THỪA THIÊN HUẾ",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
    ]
    assert pieces("* Hà Nội, ngày 05 tháng 7 năm 2024") == ["*", "Hà Nội, ngày 05 tháng 7 năm 2024"]
    assert pieces("MẬT. Đông Triều, ngày 09 tháng 09 năm 2023") == ["MẬT", "Đông Triều, ngày 09 tháng 09 năm 2023"]


def test_names_in_a_header_are_grouped_by_the_words_that_open_them():
    assert header_names(["ĐẢNG ỦY KHỐI CÁC CƠ QUAN", "TỈNH LÂM ĐỒNG"]) == ["ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH LÂM ĐỒNG"]
    assert header_names(["TỈNH ỦY QUẢNG NINH", "ỦY BAN KIỂM TRA"]) == ["TỈNH ỦY QUẢNG NINH", "ỦY BAN KIỂM TRA"]
    assert header_names(["BAN CHẤP HÀNH ĐẢNG BỘ TỈNH", "BAN TỔ CHỨC"]) == ["BAN CHẤP HÀNH ĐẢNG BỘ TỈNH", "BAN TỔ CHỨC"]


LETTER = """\
   TỈNH ỦY BẮC GIANG                      ĐẢNG CỘNG SẢN VIỆT NAM
     VĂN PHÒNG                         ---------------
          *                    Bắc Giang, ngày 15 tháng 11 năm 2023
  Số 2871-CV/VPTU
V/v báo cáo tình hình an ninh,
  trật tự năm 2023
      HỎA TỐC

        Kính gửi: - Ban Thường vụ các huyện ủy,
                    thành ủy;
                  - Các đảng ủy trực thuộc.

Thực hiện chỉ đạo của Thường trực Tỉnh ủy, Văn phòng Tỉnh ủy đề nghị các đồng chí báo cáo như sau:
"""


def test_a_letter_header_its_subject_and_addressees():
    lines = LETTER.split("\n")
    end = header_end(lines)
    block = read_header(header_rows(lines[:end]))
    assert block.names == ["TỈNH ỦY BẮC GIANG", "VĂN PHÒNG"]
    assert block.number is not None and block.number.symbol == "2871-CV/VPTU"
    assert block.dateline is not None and block.dateline.place == "Bắc Giang"
    assert block.subject == "báo cáo tình hình an ninh, trật tự năm 2023"
    assert [(m.urgency, m.whole) for m in block.markings] == [("HỎA TỐC", True)]
    addressees = read_addressees(lines, end)
    assert addressees is not None and addressees.closed
    assert addressees.names == ["Ban Thường vụ các huyện ủy, thành ủy", "Các đảng ủy trực thuộc"]
    unsure = read_addressees(["Kính gửi:", "- Ban Thường vụ các huyện ủy,", "Thành ủy Bắc Giang;"], 0)
    assert unsure is not None and not unsure.closed  # a line it cannot place: the list may be cut


def test_a_subject_ends_at_the_body_but_keeps_a_wrapped_line_that_opens_with_a_verb():
    lines = ["KẾ HOẠCH", "tổ chức hội nghị sơ kết", "thực hiện Chỉ thị số 05-CT/TW", "Căn cứ Điều lệ Đảng,"]
    title = read_title(lines, 1)
    assert title is not None and title.text == "tổ chức hội nghị sơ kết thực hiện Chỉ thị số 05-CT/TW"
    assert not title.closed  # cut at the body: the importer asks for review


CLOSING = """\
Nơi nhận: - Như trên;                           TM. BAN THƯỜNG VỤ
- Thường trực Huyện ủy (để báo cáo);                 BÍ THƯ
- Phòng Nội vụ (phối hợp);
- Lưu: VT.
                                               (Đã ký)

                                             Nguyễn Văn A
"""


def test_a_closing_in_decree_30_style_with_a_first_recipient_beside_the_label():
    closing = read_closing(CLOSING.split("\n"))
    assert closing.signature is not None
    assert (closing.signature.on_behalf, closing.signature.position, closing.signature.name) == (
        "TM. BAN THƯỜNG VỤ",
        "BÍ THƯ",
        "Nguyễn Văn A",
    )
    assert [(r.name, r.purpose) for r in closing.recipients] == [
        ("Như trên", None),
        ("Thường trực Huyện ủy", "b/c"),
        ("Phòng Nội vụ", None),
        ("Lưu: VT", "lưu"),
    ]


def test_unwrap_joins_a_hard_wrapped_sentence_but_not_list_items():
    assert unwrap(["Thực hiện Kế hoạch số 1-KH/TU; Kế hoạch", "số 2-KH/TU, Ban hướng dẫn:", "- Căn cứ", "1. Mục"]) == (
        "Thực hiện Kế hoạch số 1-KH/TU; Kế hoạch số 2-KH/TU, Ban hướng dẫn:\n- Căn cứ\n1. Mục"
    )


def _word_file(path: Path) -> Path:
    """A Word letter laid out otherwise than the corpus: a three-column header table (a spacer in the
    middle), the dateline and «V/v» as paragraphs under it, a three-column signature table."""
    document = docx.Document()
    table = document.add_table(rows=1, cols=3)
    table.cell(0, 0).text = "HUYỆN ỦY NAM ĐÀN\n*\nSố 305-CV/HU"
    table.cell(0, 2).text = "ĐẢNG CỘNG SẢN VIỆT NAM"
    dateline = document.add_paragraph("Nam Đàn, ngày 12 tháng 3 năm 2025")
    dateline.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    document.add_paragraph("V/v rà soát đảng viên")
    document.add_paragraph("Kính gửi: Các chi bộ, đảng bộ cơ sở.")
    document.add_paragraph("Thực hiện Hướng dẫn số 12-HD/BTCTW, ngày 18/10/2018 của Ban Tổ chức Trung ương, ...")
    sign = document.add_table(rows=1, cols=3)
    sign.cell(0, 0).text = "Nơi nhận:\n- Như trên;\n- Lưu VP."
    sign.cell(0, 2).text = "T/L BAN THƯỜNG VỤ\nCHÁNH VĂN PHÒNG\n\nHồ Thị Lan"
    document.save(str(path))
    return path


def test_a_word_letter_with_spacer_columns_and_a_dateline_under_the_table(tmp_path):
    (tmp_path / "organizations.yml").write_text(CORPUS_ORGS.read_text(encoding="utf-8"), encoding="utf-8")
    front = import_file(_word_file(tmp_path / "cv.docx"), tmp_path).front
    assert (front["type"], front["number"], front["issuer"]) == ("CV", "305", "hu-namdan")
    assert (front["place"], str(front["date"]), front["title"]) == ("Nam Đàn", "2025-03-12", "rà soát đảng viên")
    assert front["addressees"] == ["Các chi bộ, đảng bộ cơ sở"]
    assert front["signer"] == {"on_behalf": "T/L BAN THƯỜNG VỤ", "position": "CHÁNH VĂN PHÒNG", "name": "Hồ Thị Lan"}
    assert front["issuing_body"] == "Ban Thường vụ Huyện ủy"
    assert front["relations"] == [{"type": "implements", "target": "12-HD/BTCTW", "date": dt.date(2018, 10, 18)}]
    assert "review" not in front or {r["field"] for r in front["review"]} <= {"body_format"}


def test_a_recipients_list_stopped_by_a_line_it_cannot_place_is_not_trusted():
    cut = read_closing(["Nơi nhận:", "- Ban Thường vụ các huyện ủy,", "Thành ủy Bắc Giang;", "- Lưu VT."])
    assert not cut.list_closed
    whole = read_closing(["Nơi nhận:", "- Như trên;", "- Lưu VT.", "T/M BAN THƯỜNG VỤ", "BÍ THƯ", "", "Lê Văn A"])
    assert whole.list_closed and whole.signature is not None
    assert not read_closing(["Văn bản không có nơi nhận."]).found


def test_a_position_over_two_lines_is_joined_and_flagged():
    closing = read_closing(
        ["Nơi nhận:", "- Lưu VT.", "", "  T/M BAN THƯỜNG VỤ", "  PHÓ BÍ THƯ", "  THƯỜNG TRỰC", "", "  Hồ Đăng Khoa"]
    )
    assert closing.signature is not None
    assert (closing.signature.position, closing.signature.wrapped) == ("PHÓ BÍ THƯ THƯỜNG TRỰC", True)


def test_the_importer_asks_to_review_a_position_read_from_two_lines():
    tree, _ = load_organizations(CORPUS_ORGS.parent)
    text = "\n".join(
        ["Nơi nhận:", "- Lưu VT.", "", "  T/M BAN THƯỜNG VỤ", "  PHÓ BÍ THƯ", "  THƯỜNG TRỰC", "", "  Hồ Đăng Khoa"]
    )
    found = extract(text, tree, "tu-nghean", text_layout(text, markdown=False))
    assert found.front["signer"]["position"] == "PHÓ BÍ THƯ THƯỜNG TRỰC" and "signer" in found.review.fields()
