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
    fix: str = ""  # what a staff member does about it, for the table in CONTRIBUTING.md


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
    R113 = "R113"
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
    D212 = "D212"
    D213 = "D213"
    D214 = "D214"
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
    Code.F001: CheckInfo(
        _E,
        "Tệp không đọc được bằng mã hóa UTF-8",
        fix="Lưu lại tệp với mã hóa UTF-8 (VS Code: góc dưới bên phải → Save with Encoding → UTF-8).",
    ),
    Code.F002: CheckInfo(
        _E,
        "Văn bản không ở dạng chuẩn Unicode NFC (chữ bị tách dấu)",
        fix="Chạy `.venv/bin/kehoach normalize TỆP` (không đổi chữ nào của lời văn).",
    ),
    Code.F003: CheckInfo(
        _E,
        "Ký tự dễ nhầm (ví dụ «Ð» U+00D0 thay cho «Đ» U+0110)",
        fix="Gõ lại chữ được báo bằng bộ gõ tiếng Việt, không dán từ PDF.",
    ),
    Code.S001: CheckInfo(
        _E,
        "Lỗi cú pháp YAML hoặc thiếu phần đầu văn bản",
        fix="Xem đúng dòng được báo: thiếu dấu `:`, thụt lề lệch, thiếu dòng `---`; so với một tệp mẫu.",
    ),
    Code.S002: CheckInfo(
        _E,
        "Trường dữ liệu sai so với lược đồ",
        fix="Thông báo nêu tên trường và các giá trị được phép: sửa tên trường (không dấu, đúng chính tả) hoặc giá trị.",
    ),
    Code.S003: CheckInfo(
        _E,
        "Trùng khóa văn bản",
        fix="Hai tệp cùng khóa hoặc cùng số hiệu trong một nhiệm kỳ: kiểm tra lại số, năm, hoặc xóa tệp thừa.",
    ),
    Code.S004: CheckInfo(
        _E,
        "Tổ chức không có trong organizations.yml",
        fix="Ghi mã tổ chức có trong `organizations.yml`; tổ chức mới thì nhờ bộ phận kỹ thuật thêm.",
    ),
    Code.S005: CheckInfo(
        _E,
        "Đơn vị không có trong tổ chức",
        fix="Dùng một mã đơn vị trong danh sách ghi chú ở đầu tệp (do `kehoach new` ghi).",
    ),
    Code.S006: CheckInfo(
        _W,
        "Tên tệp không khớp với số, loại, năm của văn bản",
        fix="Đổi tên tệp theo mẫu loại-số-năm (ví dụ `kh-90-2023.md`), đặt trong thư mục của tổ chức ban hành.",
    ),
    Code.S007: CheckInfo(
        _E,
        "Trùng mã nhiệm vụ hoặc tham chiếu nhiệm vụ không tồn tại",
        fix="Mỗi nhiệm vụ một `id` riêng; `depends_on` và `parent` phải trỏ tới nhiệm vụ có thật.",
    ),
    Code.S008: CheckInfo(
        _W,
        "Lời văn chứa mã HTML, macro hoặc liên kết lạ (trang web hiện nguyên dạng chữ, không chạy)",
        fix="Dán nhầm thì xóa đoạn mã đó; nếu đúng là lời văn của bản gốc, thêm ghi nhận mã S008.",
    ),
    Code.S009: CheckInfo(
        _E,
        "Một trường được khai báo hai lần trong phần đầu hoặc organizations.yml",
        fix="Xóa một trong hai dòng trùng, giữ dòng đúng; gộp hai khối `relations:` hay `tasks:` thành một.",
    ),
    Code.S010: CheckInfo(
        _E,
        "Tệp trong thư mục văn bản mà máy không đọc được (không phải tệp .md)",
        fix="Văn bản thì đổi đuôi thành `.md`; tệp Word thì đưa vào thư mục `nhap/`; tệp thừa thì xóa.",
    ),
    Code.S011: CheckInfo(
        _E,
        "Văn bản còn chữ mẫu chưa thay",
        fix="Thay chữ mẫu bằng nội dung thật: dán toàn văn đúng bản đã ban hành, điền trích yếu, số, ngày.",
    ),
    Code.R101: CheckInfo(
        _E,
        "Trích dẫn không tìm thấy văn bản",
        fix="Thêm văn bản được dẫn (`kehoach new resolution …` hoặc `kehoach import`), sửa số hiệu, hoặc ghi nó vào `external`.",
    ),
    Code.R102: CheckInfo(
        _E,
        "Trích dẫn mơ hồ (nhiều văn bản cùng số hiệu)",
        fix="Ghi kèm ngày của văn bản được dẫn (trong lời văn, hoặc `date:` của quan hệ) để máy biết là văn bản nào.",
    ),
    Code.R103: CheckInfo(
        _E,
        "Ngày trích dẫn khác ngày của văn bản trong sổ đăng ký",
        fix="Gõ nhầm khi chép thì sửa cho đúng bản gốc; bản gốc ghi sai thì giữ nguyên lời văn và ghi nhận R103.",
    ),
    Code.R104: CheckInfo(
        _E,
        "Trích dẫn văn bản ban hành sau chính văn bản này",
        fix="Kiểm tra lại số hiệu hoặc ngày của một trong hai văn bản.",
    ),
    Code.R105: CheckInfo(
        _W,
        "Số hiệu viết không chuẩn (dấu gạch, khoảng trắng, chữ hoa/thường, ký tự nhầm)",
        fix="Gõ nhầm khi chép thì sửa thành dạng chuẩn máy gợi ý; bản gốc viết như vậy thì ghi nhận R105.",
    ),
    Code.R106: CheckInfo(
        _W,
        "Khóa (nhiệm kỳ) ghi kèm trích dẫn không khớp ngày văn bản",
        fix="Giữ nguyên lời văn; ghi nhận R106 kèm lý do (bản gốc ghi nhầm khóa).",
    ),
    Code.R107: CheckInfo(
        _W,
        "Cơ quan ban hành ghi kèm trích dẫn không khớp mã trong số hiệu",
        fix="Kiểm tra mã cơ quan trong số hiệu và tên cơ quan ghi kèm; bản gốc sai thì ghi nhận R107.",
    ),
    Code.R108: CheckInfo(
        _W,
        "Tên loại văn bản không khớp mã loại trong số hiệu",
        fix="Kiểm tra tên loại và mã loại trong số hiệu; bản gốc sai thì ghi nhận R108.",
    ),
    Code.R109: CheckInfo(
        _E,
        "Không tải được sổ đăng ký của kho liên kết (kehoach.yml)",
        fix="Kiểm tra địa chỉ kho liên kết trong `kehoach.yml` và đường mạng; báo bộ phận kỹ thuật.",
    ),
    Code.R110: CheckInfo(
        _W,
        "Kho liên kết không tải được, dùng bản lưu tạm",
        fix="Chưa cần làm gì; báo bộ phận kỹ thuật nếu kéo dài nhiều ngày.",
    ),
    Code.R111: CheckInfo(
        _W,
        "Văn bản ghi «Thực hiện/Căn cứ …» nhưng phần đầu thiếu quan hệ thực hiện",
        fix="Thêm vào phần đầu `relations: [{type: implements, target: SỐ-HIỆU}]`; văn bản chỉ là căn cứ thì `type: cites`.",
    ),
    Code.R112: CheckInfo(
        _W,
        "Mã cơ quan trong số hiệu gần giống hai mã khác nhau",
        fix="Viết đúng mã cơ quan trong số hiệu (thông báo nêu các mã có thể); bản gốc viết như vậy thì ghi nhận R112.",
    ),
    Code.R113: CheckInfo(
        _W,
        "Văn bản cấp trên đã thay đổi kể từ lần xem lại (nhiệm vụ, thời hạn, hiệu lực)",
        fix="Đối chiếu văn bản này với văn bản cấp trên; sửa nếu cần, rồi chạy `kehoach review TỆP` để ghi nhận "
        "đã xem lại.",
    ),
    Code.D201: CheckInfo(
        _E, "Ngày không tồn tại", fix="So lại ngày với bản gốc: gõ nhầm thì sửa, bản gốc sai thì ghi nhận D201."
    ),
    Code.D202: CheckInfo(
        _E, "Thời hạn trước ngày ban hành văn bản", fix="Kiểm tra lại năm của thời hạn hoặc ngày ban hành."
    ),
    Code.D203: CheckInfo(
        _E,
        "Thời hạn trong văn bản chưa được ghi thành nhiệm vụ",
        fix="Thêm một nhiệm vụ có `deadline` chép đúng lời văn (thêm `quote` nếu lời đó lặp lại).",
    ),
    Code.D204: CheckInfo(
        _E,
        "Nhiệm vụ không khớp lời văn bản",
        fix="Chép lại đúng từng chữ của lời văn vào `deadline` hoặc `quote` (bỏ dấu `*` in đậm, in nghiêng).",
    ),
    Code.D205: CheckInfo(
        _W,
        "Nhiệm vụ quá hạn",
        calendar=True,
        fix="Xong rồi thì ghi `status: done` và `done_on: NĂM-THÁNG-NGÀY`. Không làm đề xuất sửa đổi thất bại.",
    ),
    Code.D206: CheckInfo(
        _W,
        "Thời hạn cấp dưới muộn hơn thời hạn của kế hoạch cấp trên",
        fix="So thời hạn của kế hoạch cấp dưới với thời hạn của kế hoạch cấp trên mà nó thực hiện.",
    ),
    Code.D207: CheckInfo(
        _W, "Thời hạn sớm hơn nhiệm vụ mà nó phụ thuộc", fix="Kiểm tra thời hạn, hoặc `depends_on`, của hai nhiệm vụ."
    ),
    Code.D208: CheckInfo(
        _E,
        "Ngày ban hành trong phần đầu khác dòng ngày tháng của văn bản",
        fix="Gõ nhầm khi nhập thì sửa `date:`; bản gốc ghi sai thì giữ nguyên lời văn và ghi nhận D208.",
    ),
    Code.D209: CheckInfo(
        _E,
        "Nhiệm vụ đã xong nhưng thiếu ngày xong, hoặc ngày xong trước ngày ban hành",
        fix="Thêm `done_on: NĂM-THÁNG-NGÀY`: ngày xong thật, không trước ngày ban hành.",
    ),
    Code.D210: CheckInfo(
        _E,
        "Ngày xong của nhiệm vụ sau ngày xét",
        calendar=True,
        fix="Sửa `done_on` thành ngày đã xong thật, không phải một ngày chưa tới.",
    ),
    Code.D211: CheckInfo(
        _W,
        "Thời hạn không ghi năm, không chắc là năm nào",
        fix="Bản gốc đúng như vậy thì ghi nhận D211; nếu là năm khác, ghi rõ trong `notes`.",
    ),
    Code.D212: CheckInfo(
        _W,
        "Văn bản đã hết nhiệm kỳ còn nhiệm vụ mở trong khi văn bản nó thực hiện vẫn còn hiệu lực",
        calendar=True,
        fix="Nhiệm vụ đã xong hoặc thôi làm thì ghi `status: done` (kèm `done_on`) hoặc `status: cancelled`; "
        "còn thực hiện tiếp trong nhiệm kỳ mới thì ghi `carried_forward: MÃ-NHIỆM-KỲ`.",
    ),
    Code.D213: CheckInfo(
        _W,
        "Tổ chức trực thuộc chưa báo cáo nhiệm vụ đã tới hạn",
        calendar=True,
        fix="Khi có báo cáo, thêm văn bản báo cáo (loại BC) của tổ chức đó với `fulfils: KHÓA-VĂN-BẢN#MÃ-NHIỆM-VỤ`.",
    ),
    Code.D214: CheckInfo(
        _W,
        "Báo cáo gửi sau thời hạn của nhiệm vụ",
        fix="Không cần sửa nếu đúng là báo cáo muộn; nếu ngày báo cáo gõ nhầm, sửa `date:` của báo cáo.",
    ),
    Code.I401: CheckInfo(
        _W,
        "Thông tin do công cụ nhập văn bản đề xuất, chưa được người biên tập xem lại",
        fix="So từng mục của `review` với bản gốc, sửa nếu cần, rồi xóa mục đã xem.",
    ),
    Code.M301: CheckInfo(
        _I, "Văn bản chưa có thông tin (số, ngày, người ký)", fix="Bổ sung khi có bản gốc; không tự suy đoán."
    ),
    Code.M302: CheckInfo(
        _W,
        "Ghi nhận (acknowledgement) không khớp phát hiện nào",
        fix="Xóa ghi nhận nếu lỗi đã được sửa, hoặc sửa `code`, `match` cho khớp.",
    ),
    Code.M303: CheckInfo(
        _I,
        "Các phát hiện chỉ là hệ quả của lỗi trong organizations.yml đã được ẩn",
        fix="Sửa lỗi trong `organizations.yml` trước, rồi chạy lại kiểm tra.",
    ),
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
