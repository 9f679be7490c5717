"""Findings and the one registry of their codes: stable codes, severities, Vietnamese titles.

Every finding is made with a `Code`; making one with a code that is not registered fails at once.
A code also says whether it depends on the as-of date (`calendar`): a past-due task is not a mistake
in the document, so pull-request checks and the test suite treat such findings apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
SEVERITY_VI = {Severity.ERROR: "lỗi", Severity.WARNING: "cảnh báo", Severity.INFO: "thông tin"}


@dataclass(frozen=True)
class CheckInfo:
    severity: Severity
    title: str
    calendar: bool = False  # depends on the as-of date, not on the document's content alone


class Code(StrEnum):
    """Codes are stable: acknowledgements in documents and CI configuration name them."""

    F001 = "F001"
    F002 = "F002"
    F003 = "F003"
    S001 = "S001"
    S002 = "S002"
    S003 = "S003"
    S004 = "S004"
    S005 = "S005"
    S006 = "S006"
    S007 = "S007"
    S008 = "S008"
    S009 = "S009"
    S010 = "S010"
    S011 = "S011"
    R101 = "R101"
    R102 = "R102"
    R103 = "R103"
    R104 = "R104"
    R105 = "R105"
    R106 = "R106"
    R107 = "R107"
    R108 = "R108"
    R109 = "R109"
    R110 = "R110"
    R111 = "R111"
    R112 = "R112"
    D201 = "D201"
    D202 = "D202"
    D203 = "D203"
    D204 = "D204"
    D205 = "D205"
    D206 = "D206"
    D207 = "D207"
    D208 = "D208"
    D209 = "D209"
    D210 = "D210"
    D211 = "D211"
    I401 = "I401"
    M301 = "M301"
    M302 = "M302"
    M303 = "M303"

    @property
    def info(self) -> CheckInfo:
        return CHECKS[self]

    @property
    def severity(self) -> Severity:
        return CHECKS[self].severity

    @property
    def summary(self) -> str:
        """The check's Vietnamese title (`title` would shadow str.title)."""
        return CHECKS[self].title

    @property
    def calendar(self) -> bool:
        return CHECKS[self].calendar


_E, _W, _I = Severity.ERROR, Severity.WARNING, Severity.INFO

CHECKS: dict[Code, CheckInfo] = {
    Code.F001: CheckInfo(_E, "Tệp không đọc được bằng mã hóa UTF-8"),
    Code.F002: CheckInfo(_E, "Văn bản không ở dạng chuẩn Unicode NFC (chữ bị tách dấu)"),
    Code.F003: CheckInfo(_E, "Ký tự dễ nhầm (ví dụ «Ð» U+00D0 thay cho «Đ» U+0110)"),
    Code.S001: CheckInfo(_E, "Lỗi cú pháp YAML hoặc thiếu phần đầu văn bản"),
    Code.S002: CheckInfo(_E, "Trường dữ liệu sai so với lược đồ"),
    Code.S003: CheckInfo(_E, "Trùng khóa văn bản"),
    Code.S004: CheckInfo(_E, "Tổ chức không có trong organizations.yml"),
    Code.S005: CheckInfo(_E, "Đơn vị không có trong tổ chức"),
    Code.S006: CheckInfo(_W, "Tên tệp không khớp với số, loại, năm của văn bản"),
    Code.S007: CheckInfo(_E, "Trùng mã nhiệm vụ hoặc tham chiếu nhiệm vụ không tồn tại"),
    Code.S008: CheckInfo(
        _W, "Lời văn chứa mã HTML, macro hoặc liên kết lạ (trang web hiện nguyên dạng chữ, không chạy)"
    ),
    Code.S009: CheckInfo(_E, "Một trường được khai báo hai lần trong phần đầu hoặc organizations.yml"),
    Code.S010: CheckInfo(_E, "Tệp trong thư mục văn bản mà máy không đọc được (không phải tệp .md)"),
    Code.S011: CheckInfo(_E, "Văn bản còn chữ mẫu chưa thay"),
    Code.R101: CheckInfo(_E, "Trích dẫn không tìm thấy văn bản"),
    Code.R102: CheckInfo(_E, "Trích dẫn mơ hồ (nhiều văn bản cùng số hiệu)"),
    Code.R103: CheckInfo(_E, "Ngày trích dẫn khác ngày của văn bản trong sổ đăng ký"),
    Code.R104: CheckInfo(_E, "Trích dẫn văn bản ban hành sau chính văn bản này"),
    Code.R105: CheckInfo(_W, "Số hiệu viết không chuẩn (dấu gạch, khoảng trắng, chữ hoa/thường, ký tự nhầm)"),
    Code.R106: CheckInfo(_W, "Khóa (nhiệm kỳ) ghi kèm trích dẫn không khớp ngày văn bản"),
    Code.R107: CheckInfo(_W, "Cơ quan ban hành ghi kèm trích dẫn không khớp mã trong số hiệu"),
    Code.R108: CheckInfo(_W, "Tên loại văn bản không khớp mã loại trong số hiệu"),
    Code.R109: CheckInfo(_E, "Không tải được sổ đăng ký của kho liên kết (kehoach.yml)"),
    Code.R110: CheckInfo(_W, "Kho liên kết không tải được, dùng bản lưu tạm"),
    Code.R111: CheckInfo(_W, "Văn bản ghi «Thực hiện/Căn cứ …» nhưng phần đầu thiếu quan hệ thực hiện"),
    Code.R112: CheckInfo(_W, "Mã cơ quan trong số hiệu gần giống hai mã khác nhau"),
    Code.D201: CheckInfo(_E, "Ngày không tồn tại"),
    Code.D202: CheckInfo(_E, "Thời hạn trước ngày ban hành văn bản"),
    Code.D203: CheckInfo(_E, "Thời hạn trong văn bản chưa được ghi thành nhiệm vụ"),
    Code.D204: CheckInfo(_E, "Nhiệm vụ không khớp lời văn bản"),
    Code.D205: CheckInfo(_W, "Nhiệm vụ quá hạn", calendar=True),
    Code.D206: CheckInfo(_W, "Thời hạn cấp dưới muộn hơn thời hạn của kế hoạch cấp trên"),
    Code.D207: CheckInfo(_W, "Thời hạn sớm hơn nhiệm vụ mà nó phụ thuộc"),
    Code.D208: CheckInfo(_E, "Ngày ban hành trong phần đầu khác dòng ngày tháng của văn bản"),
    Code.D209: CheckInfo(_E, "Nhiệm vụ đã xong nhưng thiếu ngày xong, hoặc ngày xong trước ngày ban hành"),
    Code.D210: CheckInfo(_E, "Ngày xong của nhiệm vụ sau ngày xét", calendar=True),
    Code.D211: CheckInfo(_W, "Thời hạn không ghi năm, không chắc là năm nào"),
    Code.I401: CheckInfo(_W, "Thông tin do công cụ nhập văn bản đề xuất, chưa được người biên tập xem lại"),
    Code.M301: CheckInfo(_I, "Văn bản chưa có thông tin (số, ngày, người ký)"),
    Code.M302: CheckInfo(_W, "Ghi nhận (acknowledgement) không khớp phát hiện nào"),
    Code.M303: CheckInfo(_I, "Các phát hiện chỉ là hệ quả của lỗi trong organizations.yml đã được ẩn"),
}


MAX_QUOTED = 120  # characters of a value a message repeats between «»
MAX_TEXT = 800  # characters of a whole message or hint: a 5 MB value must not make a 5 MB report
_QUOTE = re.compile(r"«([^«»]*)»")


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def short_message(text: str) -> str:
    """A message as it may be shown: each «quoted value» and the whole cut short, whatever the file held."""
    return _cut(_QUOTE.sub(lambda m: "«" + _cut(m.group(1), MAX_QUOTED) + "»", text), MAX_TEXT)


@dataclass
class Finding:
    code: Code
    path: str
    line: int | None
    message: str
    hint: str | None = None
    document: str | None = None  # document key
    subject: str | None = None  # what the finding is about (a symbol, a task id) for acknowledgement matching
    acknowledged: str | None = None  # the acknowledgement's reason, when silenced

    def __post_init__(self) -> None:
        # a plain string naming a registered code is accepted; anything else is a programming error
        self.code = Code(self.code)
        # every check quotes file content: the cap is applied here, once, for all of them
        self.message = short_message(self.message)
        if self.hint is not None:
            self.hint = short_message(self.hint)
        if self.subject is not None:
            self.subject = _cut(self.subject, MAX_TEXT)

    @property
    def severity(self) -> Severity:
        return self.code.severity

    @property
    def title(self) -> str:
        return self.code.summary

    @property
    def location(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path

    def sort_key(self) -> tuple[str, int, str, str]:
        return (self.path, self.line or 0, self.code.value, self.message)

    def as_dict(self) -> dict[str, object]:
        return {
            "code": self.code.value,
            "severity": self.severity.value,
            "title": self.title,
            "path": self.path,
            "line": self.line,
            "message": self.message,
            "hint": self.hint,
            "document": self.document,
            "subject": self.subject,
            "acknowledged": self.acknowledged,
        }
