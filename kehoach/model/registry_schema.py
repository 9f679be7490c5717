"""The shape of registry.json: what one kehoach site publishes for others to resolve references against.

Pure data models (no engine imports): the exports write it, federation.py reads other sites' copies.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field

FORMAT = "kehoach-registry"
VERSION = 1


class Closed(BaseModel):
    model_config = ConfigDict(extra="forbid")


class RegistryOrganization(Closed):
    key: str
    name: str
    parent: str | None
    level: str
    codes: list[str]


class RegistryTask(Closed):
    id: str
    title: str
    owner: list[str]
    co_owners: list[str]
    applies_to: list[str]
    deliverable: str | None
    deadline: str | None = Field(description="Thời hạn đúng như lời văn bản.")
    due: dt.date | None = Field(description="Ngày cuối cùng phải xong, khi thời hạn là một ngày.")
    status: str


class FRBR(Closed):
    work: str = Field(description="Định danh tác phẩm, ví dụ /akn/vn/doc/kh/duk-hanoi-dh/2023-02-28/90.")
    expression: str = Field(description="Định danh bản tiếng Việt: tác phẩm + /vie@ngày.")


class RegistryDocument(Closed):
    key: str = Field(description="Khóa văn bản trong kho gốc: tổ-chức/tên-tệp.")
    kind: str
    type: str
    number: str | None
    symbol: str | None = Field(description="Số hiệu chuẩn, ví dụ 90-KH/ĐUK.")
    issuer: str = Field(description="Mã tổ chức ban hành (chung giữa các kho liên kết).")
    issuer_code: str
    date: dt.date | None
    title: str | None
    archived: bool
    frbr: FRBR
    page: str = Field(description="Trang của văn bản: tuyệt đối nếu biết địa chỉ trang, không thì tương đối.")
    tasks: list[RegistryTask]


class RegistryRelation(Closed):
    source: str
    target: str
    type: str


class Registry(Closed):
    format: str = Field(FORMAT, description="Luôn là «kehoach-registry».")
    version: int = VERSION
    as_of: dt.date = Field(description="Ngày dùng để xét trạng thái lưu trữ.")
    site_url: str | None = Field(description="Địa chỉ gốc của trang; trang văn bản = site_url + page.")
    organizations: list[RegistryOrganization]
    documents: list[RegistryDocument]
    relations: list[RegistryRelation]
