"""Findings and the one registry of checks: stable codes, severities, Vietnamese titles."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CheckInfo:
    code: str
    severity: str  # error | warning | info
    title: str


# The registry. Codes are stable: acknowledgements in documents and CI configuration name them.
CHECKS: dict[str, CheckInfo] = {
    c.code: c
    for c in [
        CheckInfo("F001", "error", "Tệp không đọc được bằng mã hóa UTF-8"),
        CheckInfo("F002", "error", "Văn bản không ở dạng chuẩn Unicode NFC (chữ bị tách dấu)"),
        CheckInfo("F003", "error", "Ký tự dễ nhầm (ví dụ «Ð» U+00D0 thay cho «Đ» U+0110)"),
        CheckInfo("S001", "error", "Lỗi cú pháp YAML hoặc thiếu phần đầu văn bản"),
        CheckInfo("S002", "error", "Trường dữ liệu sai so với lược đồ"),
        CheckInfo("S003", "error", "Trùng khóa văn bản"),
        CheckInfo("S004", "error", "Tổ chức không có trong organizations.yml"),
        CheckInfo("S005", "error", "Đơn vị không có trong tổ chức"),
        CheckInfo("S006", "warning", "Tên tệp không khớp với số, loại, năm của văn bản"),
        CheckInfo("S007", "error", "Trùng mã nhiệm vụ hoặc tham chiếu nhiệm vụ không tồn tại"),
        CheckInfo("S008", "warning", "Lời văn chứa mã HTML (trang web hiện nguyên dạng chữ, không chạy)"),
        CheckInfo("R101", "error", "Trích dẫn không tìm thấy văn bản"),
        CheckInfo("R102", "error", "Trích dẫn mơ hồ (nhiều văn bản cùng số hiệu)"),
        CheckInfo("R103", "error", "Ngày trích dẫn khác ngày của văn bản trong sổ đăng ký"),
        CheckInfo("R104", "error", "Trích dẫn văn bản ban hành sau chính văn bản này"),
        CheckInfo("R105", "warning", "Số hiệu viết không chuẩn (chữ hoa/thường)"),
        CheckInfo("R106", "warning", "Khóa (nhiệm kỳ) ghi kèm trích dẫn không khớp ngày văn bản"),
        CheckInfo("R107", "warning", "Cơ quan ban hành ghi kèm trích dẫn không khớp mã trong số hiệu"),
        CheckInfo("R108", "warning", "Tên loại văn bản không khớp mã loại trong số hiệu"),
        CheckInfo("R109", "error", "Không tải được sổ đăng ký của kho liên kết (kehoach.yml)"),
        CheckInfo("R110", "warning", "Kho liên kết không tải được, dùng bản lưu tạm"),
        CheckInfo("D201", "error", "Ngày không tồn tại"),
        CheckInfo("D202", "error", "Thời hạn trước ngày ban hành văn bản"),
        CheckInfo("D203", "error", "Thời hạn trong văn bản chưa được ghi thành nhiệm vụ"),
        CheckInfo("D204", "error", "Nhiệm vụ không khớp lời văn bản"),
        CheckInfo("D205", "warning", "Nhiệm vụ quá hạn"),
        CheckInfo("D206", "warning", "Thời hạn cấp dưới muộn hơn thời hạn của kế hoạch cấp trên"),
        CheckInfo("D207", "warning", "Thời hạn sớm hơn nhiệm vụ mà nó phụ thuộc"),
        CheckInfo("I401", "warning", "Thông tin do công cụ nhập văn bản đề xuất, chưa được người biên tập xem lại"),
        CheckInfo("M301", "info", "Văn bản chưa có thông tin (số, ngày, người ký)"),
        CheckInfo("M302", "warning", "Ghi nhận (acknowledgement) không khớp phát hiện nào"),
    ]
}

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


@dataclass
class Finding:
    code: str
    path: str
    line: int | None
    message: str
    hint: str | None = None
    document: str | None = None  # document key
    subject: str | None = None  # what the finding is about (a symbol, a task id) for acknowledgement matching
    acknowledged: str | None = None  # the acknowledgement's reason, when silenced

    @property
    def severity(self) -> str:
        return CHECKS[self.code].severity

    @property
    def title(self) -> str:
        return CHECKS[self.code].title

    @property
    def location(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path

    def sort_key(self):
        return (self.path, self.line or 0, self.code, self.message)

    def as_dict(self) -> dict:
        return {
            "code": self.code,
            "severity": self.severity,
            "title": self.title,
            "path": self.path,
            "line": self.line,
            "message": self.message,
            "hint": self.hint,
            "document": self.document,
            "subject": self.subject,
            "acknowledged": self.acknowledged,
        }
