"""The content model: what a front matter block and organizations.yml may contain.

Field descriptions are in Vietnamese because they reach staff through the exported JSON Schema
(editor autocompletion) and through validation messages.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema


def _as_list(value: object) -> object:
    """Accept a single value where a list is expected: `owner: ban-tuyen-giao`."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


StrList = Annotated[
    list[str],
    BeforeValidator(_as_list),
    WithJsonSchema({"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}),
]


def _as_text(value: object) -> object:
    """`number: 90` (a YAML integer) means the printed number "90"."""
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


NumberText = Annotated[str | None, BeforeValidator(_as_text)]


# Organisation keys, unit keys and a document's issuer become folder and file names (calendars, pages,
# `kehoach new`): lowercase ASCII letters and digits in words joined by single hyphens, nothing that could
# climb out of a folder. The one place the rule is written; validation.py says it in Vietnamese.
KEY_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
KEY_RULE = "chỉ được gồm chữ thường không dấu (a–z), chữ số và dấu gạch ngang nối các chữ"
KEY_EXAMPLE = "duk-hanoi-dh"


class Strict(BaseModel):
    # A misspelt field name is an error, not silently ignored data.
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


# --- organisations --------------------------------------------------------------------------


class Term(Strict):
    id: str = Field(description="Mã nhiệm kỳ, duy nhất trong tổ chức, ví dụ `khoa-xiii`.")
    label: str = Field(description="Tên gọi như văn bản viết, ví dụ «khóa XIII».")
    ordinal: int | None = Field(
        None, description="Số thứ tự khóa/đại hội (XIII = 13), để kiểm tra «khóa …» khi trích dẫn."
    )
    start_year: int
    end_year: int
    start: dt.date | None = Field(None, description="Ngày bắt đầu, nếu biết.")
    end: dt.date | None = Field(None, description="Ngày kết thúc, nếu biết.")

    @property
    def first_day(self) -> dt.date:
        return self.start or dt.date(self.start_year, 1, 1)

    @property
    def last_day(self) -> dt.date:
        return self.end or dt.date(self.end_year, 12, 31)

    def contains(self, day: dt.date) -> bool:
        return self.first_day <= day <= self.last_day


class Unit(Strict):
    key: str = Field(pattern=KEY_PATTERN, description="Mã đơn vị trong tổ chức, ví dụ `ban-tuyen-giao`.")
    name: str
    short: str | None = None
    kind: Literal["organ", "unit", "mass", "subordinates"] = Field(
        "unit",
        description="organ: cơ quan lãnh đạo (BCH, BTV); unit: ban, văn phòng, UBKT; "
        "mass: đoàn thể; subordinates: tập hợp các tổ chức đảng trực thuộc.",
    )
    codes: StrList = Field(default_factory=list, description="Mã cơ quan ban hành riêng, ví dụ `BTCTW`.")


class Organization(Strict):
    key: str = Field(
        pattern=KEY_PATTERN,
        description="Mã tổ chức (chữ thường, không dấu), dùng trong đường dẫn và khóa văn bản.",
    )
    name: str
    short: str | None = None
    level: Literal["central", "province", "bloc", "district", "base", "cell"] = Field(
        description="central: Trung ương; province: Tỉnh ủy, Thành ủy trực thuộc Trung ương; bloc: Đảng ủy Khối; "
        "district: Huyện ủy, Quận ủy, Thị ủy, Thành ủy trực thuộc tỉnh; base: tổ chức cơ sở đảng; cell: chi bộ."
    )
    parent: str | None = None
    codes: StrList = Field(
        default_factory=list, description="Mã cơ quan ban hành trong số hiệu, ví dụ `ĐUK`, `TU`, `TW`."
    )
    place: str | None = None
    known: bool = Field(True, description="false khi văn bản không cho biết tổ chức này là tổ chức nào.")
    evidence: str | None = Field(None, description="Căn cứ xác định tổ chức từ lời văn bản.")
    terms: list[Term] = Field(default_factory=list)
    units: list[Unit] = Field(default_factory=list)


class OrganizationsFile(Strict):
    organizations: list[Organization]


# --- documents ------------------------------------------------------------------------------

RelationType = Literal["implements", "attached_to", "cites", "amends", "replaces", "repeals"]


class Relation(Strict):
    type: RelationType = Field(
        description="implements: căn cứ/thực hiện; attached_to: ban hành kèm theo; cites: dẫn chiếu; "
        "amends: sửa đổi, bổ sung; replaces: thay thế; repeals: bãi bỏ."
    )
    target: str = Field(
        description="Số hiệu như văn bản viết (`134-KH/TU`) hoặc khóa văn bản (`tu-hanoi/kh-134-2023`)."
    )
    date: dt.date | None = Field(None, description="Ngày của văn bản được dẫn, như văn bản này ghi.")


class Signer(Strict):
    on_behalf: str | None = Field(None, description="Ví dụ «T/M BAN THƯỜNG VỤ».")
    position: str | None = Field(None, description="Ví dụ «BÍ THƯ».")
    name: str | None = None


class Recipient(Strict):
    name: str
    purpose: Literal["b/c", "t/h", "lưu", "biết"] | None = Field(
        None, description="«để b/c» = báo cáo, «để t/h» = thực hiện."
    )


class Task(Strict):
    id: str = Field(description="Mã nhiệm vụ, duy nhất trong văn bản.")
    title: str = Field(description="Tóm tắt nhiệm vụ (lời biên tập, không phải lời văn bản).")
    owner: StrList = Field(
        description="Đơn vị chủ trì: mã đơn vị của cơ quan ban hành, mã tổ chức, hoặc `to-chuc:đơn-vị`."
    )
    co_owners: StrList = Field(default_factory=list, description="Đơn vị phối hợp.")
    applies_to: StrList = Field(default_factory=list, description="Tổ chức/đơn vị phải thực hiện.")
    deliverable: str | None = Field(None, description="Sản phẩm phải nộp hoặc việc phải xong.")
    deadline: str | None = Field(None, description="Thời hạn đúng như lời văn bản, ví dụ «trước ngày 20/3/2023».")
    quote: str | None = Field(
        None, description="Đoạn trích nguyên văn chứa nhiệm vụ, để định vị khi thời hạn xuất hiện nhiều lần."
    )
    depends_on: StrList = Field(default_factory=list, description="Mã các nhiệm vụ phải xong trước.")
    parent: str | None = Field(
        None, description="Nhiệm vụ của văn bản cấp trên mà nhiệm vụ này thực hiện: `khóa-văn-bản#mã-nhiệm-vụ`."
    )
    status: Literal["open", "done", "cancelled"] = "open"
    done_on: dt.date | None = None


class Target(Strict):
    id: str
    text: str = Field(description="Chỉ tiêu đúng như lời văn bản (trích nguyên văn).")
    indicator: str | None = None
    value: str | None = Field(None, description="Ví dụ «trên 90%», «2000 đảng viên/năm», «từ 8% đến 10%».")
    period: str | None = None
    applies_to: StrList = Field(default_factory=list)


class Acknowledgement(Strict):
    code: str = Field(description="Mã phát hiện được chấp nhận, ví dụ `R103`.")
    reason: str = Field(description="Lý do; hiển thị trên trang như ghi chú đính chính.")
    match: str | None = Field(None, description="Chỉ chấp nhận phát hiện có chứa chuỗi này (ví dụ `21-KL/TW`).")


class Reviewed(Strict):
    """A document this one follows, as it stood when someone last checked this one against it."""

    target: str = Field(description="Số hiệu (`105-KH/TU`) hoặc khóa (`tu-hanoi/kh-105-2022`) của văn bản cấp trên.")
    fingerprint: str = Field(
        pattern=r"^[0-9a-f]{12}$",
        description="Dấu vân tay của nhiệm vụ, thời hạn, hiệu lực của văn bản cấp trên khi xem lại "
        "(do «kehoach review» ghi, không gõ tay).",
    )
    date: dt.date = Field(description="Ngày xem lại.")
    note: str | None = Field(None, description="Ghi chú: đã xem gì, có phải sửa gì không.")


class ReviewItem(Strict):
    field: str = Field(description="Trường cần người biên tập xem lại, ví dụ `tasks.t3.owner`.")
    candidate: str | None = Field(None, description="Giá trị công cụ đề xuất (có thể sai).")
    reason: str = Field(description="Vì sao công cụ không chắc.")


class Document(Strict):
    type: str = Field(description="Mã loại văn bản: NQ, QĐ, CT, KL, QC, HD, TB, BC, KH, CTr, ĐA, TTr, CV, ĐC.")
    number: NumberText = Field(None, description="Số văn bản như đã ghi (`90`, `02`); để trống nếu văn bản không ghi.")
    issuer: str = Field(pattern=KEY_PATTERN, description="Mã tổ chức ban hành trong organizations.yml.")
    issuer_code: str | None = Field(
        None, description="Mã cơ quan trong số hiệu khi khác mã mặc định của tổ chức, ví dụ `BTCTW`."
    )
    symbol_as_written: str | None = Field(None, description="Số hiệu đúng như văn bản in, ví dụ «Số 90 -KH/ĐUK».")
    issuing_body: str | None = Field(
        None, description="Cơ quan trực tiếp ban hành, ví dụ «Ban Thường vụ Đảng ủy Khối»."
    )
    place: str | None = None
    date: dt.date | None = Field(None, description="Ngày ban hành (YYYY-MM-DD); để trống nếu văn bản không ghi.")
    term: str | None = Field(None, description="Mã nhiệm kỳ của cơ quan ban hành khi chưa biết ngày.")
    title: str | None = Field(None, description="Trích yếu.")
    signer: Signer | None = None
    addressees: StrList = Field(default_factory=list, description="«Kính gửi:» (công văn, tờ trình, báo cáo).")
    recipients: list[Recipient] = Field(default_factory=list)
    confidentiality: Literal["MẬT", "TỐI MẬT", "TUYỆT MẬT"] | None = None
    urgency: Literal["KHẨN", "THƯỢNG KHẨN", "HỎA TỐC"] | None = None
    internal: bool = Field(False, description="true: chỉ lưu hành nội bộ, không xuất bản công khai.")
    valid_until: dt.date | None = Field(None, description="Hết hiệu lực sau ngày này.")
    carried_forward: str | None = Field(
        None,
        description="Mã nhiệm kỳ sau mà văn bản được chuyển tiếp thực hiện (ví dụ `khoa-iv`): hết nhiệm kỳ ban "
        "hành, văn bản vẫn đang thực hiện cho tới hết nhiệm kỳ này.",
    )
    relations: list[Relation] = Field(default_factory=list)
    external: StrList = Field(default_factory=list, description="Số hiệu được dẫn nhưng cố ý không có trong kho.")
    tasks: list[Task] = Field(default_factory=list)
    fulfils: StrList = Field(
        default_factory=list,
        description="Báo cáo: các nhiệm vụ mà báo cáo này trả lời, dạng `khóa-văn-bản#mã-nhiệm-vụ` "
        "(ví dụ `duk-hanoi-dh/kh-90-2023#co-so-so-ket`).",
    )
    reviewed: list[Reviewed] = Field(
        default_factory=list,
        description="Lần xem lại gần nhất theo từng văn bản cấp trên mà văn bản này thực hiện hoặc dẫn "
        "(do «kehoach review» ghi).",
    )
    targets: list[Target] = Field(default_factory=list)
    acknowledgements: list[Acknowledgement] = Field(default_factory=list)
    body_format: Literal["markdown", "plain"] = Field(
        "markdown",
        description="Cách đọc toàn văn: markdown (chuyển từ Word, viết tay) hoặc plain (chữ thuần nhập từ .txt: "
        "trang web giữ nguyên từng dòng, không hiểu ký hiệu nào).",
    )
    source: str | None = Field(None, description="Nguồn của bản văn (tệp gốc, nơi nhận được).")
    notes: str | None = Field(None, description="Ghi chú của người biên tập (không phải lời văn bản).")
    review: list[ReviewItem] = Field(
        default_factory=list,
        description="Những gì «kehoach import» chưa chắc: "
        "người biên tập xem lại, sửa trường tương ứng rồi xóa mục này.",
    )
