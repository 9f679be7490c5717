"""File bytes to the text the engine reads: UTF-8, NFC, look-alike characters replaced, each problem reported."""

from __future__ import annotations

from ..findings import Code, Finding
from ..text.unicode import CONFUSABLES, is_nfc, nfc, unconfuse


def decode(raw: bytes, path: str) -> tuple[str | None, list[Finding]]:
    """Bytes to NFC text with confusables reported. Returns (text or None, findings)."""
    findings: list[Finding] = []
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in raw[:4096]:
        return None, [
            Finding(
                Code.F001,
                path,
                1,
                "Tệp không phải văn bản UTF-8 (có vẻ là UTF-16 hoặc tệp nhị phân).",
                hint="Mở tệp và lưu lại với mã hóa UTF-8.",
            )
        ]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw.count(b"\n", 0, e.start) + 1
        return None, [
            Finding(
                Code.F001,
                path,
                line,
                f"Byte không hợp lệ trong UTF-8 ở dòng {line} (có thể tệp lưu bằng mã Windows-1258).",
                hint="Mở tệp và lưu lại với mã hóa UTF-8.",
            )
        ]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not is_nfc(text):
        line = next(i for i, ln in enumerate(text.split("\n"), 1) if not is_nfc(ln))
        findings.append(
            Finding(
                Code.F002,
                path,
                line,
                "Văn bản có chữ ở dạng tách dấu (NFD), tìm kiếm và so khớp sẽ sai.",
                hint=f"Chạy «kehoach normalize {path}» (chỉ đổi cách mã hóa dấu, không đổi chữ nào).",
            )
        )
        text = nfc(text)
    if any(ch in text for ch in CONFUSABLES):  # rare: scan character by character only then
        findings.extend(_confusable_findings(text, path))
        text = unconfuse(text)
    return text, findings


def _confusable_findings(text: str, path: str) -> list[Finding]:
    findings = []
    for lineno, line_text in enumerate(text.split("\n"), 1):
        for col, ch in enumerate(line_text, 1):
            if ch in CONFUSABLES:
                real = CONFUSABLES[ch]
                findings.append(
                    Finding(
                        Code.F003,
                        path,
                        lineno,
                        f"Ký tự «{ch}» (U+{ord(ch):04X}) ở cột {col} trông giống «{real}» (U+{ord(real):04X}) nhưng là chữ khác.",
                        hint=f"Thay «{ch}» bằng «{real}».",
                        subject=ch,
                    )
                )
    return findings
