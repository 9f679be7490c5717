"""The two screens the reader's view is tried on (a desktop and a phone, issue 16), and every view of the site:
tests/test_accessibility.py checks each view on both screens, `make screenshots` photographs them. A new kind
of page is covered by adding its address to VIEWS."""

from __future__ import annotations

SCREENS = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}

VIEWS = [
    "",  # home
    "van-ban/duk-hanoi-dh/kh-74-2022/",  # the seeds: plans, an outline, one without a number
    "van-ban/duk-hanoi-dh/kh-90-2023/",
    "van-ban/duk-gialai-cqdn/kh-69-2023/",
    "van-ban/duk-chua-ro-cqdn/kh-so-ket-giua-nhiem-ky/",
    "van-ban/duk-phutho/dc-kh-41-2023/",
    "van-ban/tw/nq-21-2022/",  # a document kept as registry information only
    "nhiem-vu/",  # the dashboard
    "nhiem-vu/to-chuc/duk-gialai-cqdn/",
    "nhiem-vu/lich/",
    "nhiem-vu/lich/2023-03/",
    "nhiem-vu/don-vi/",
    "nhiem-vu/don-vi/duk-hanoi-dh-ban-to-chuc/",
    "van-ban/",  # documents by organisation, type and year
    "van-ban/to-chuc/duk-hanoi-dh/",
    "van-ban/theo-loai/",
    "van-ban/loai/kh/",
    "van-ban/theo-nam/",
    "van-ban/nam/2023/",
    "van-ban/ma-tran/",
    "van-ban/hieu-luc/",  # documents in force, and those no longer
    "tim-kiem/?q=so+ket",
    "du-lieu/",
    "huong-dan-macro/",
]
