"""mkdocs-macros module: the macros staff may use in hand-written pages under docs/.

Thin on purpose: each macro asks the engine (kehoach.site.macros_api) and formats nothing itself.
Only pages with `render_macros: true` in their front matter are rendered (see mkdocs.yml), and they are
rendered here in a sandbox (kehoach.site.macro_check), never by mkdocs-macros' own Jinja2, which would
offer the configuration and Python itself. The macros read the public view of the build the MkDocs hook
holds (macros/hooks.py), so the content is loaded and checked once and a page shows nothing withheld.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from kehoach.model.view import View
from kehoach.site import CONFIG_KEY, SiteBuild, home, macros_api
from kehoach.site.macro_check import render_page, source_line


def define_env(env: Any) -> None:
    def build() -> SiteBuild:
        found = env.conf.get(CONFIG_KEY)
        if not isinstance(found, SiteBuild):
            raise PluginError("Thiếu hook kehoach (macros/hooks.py) trong mkdocs.yml.")
        return found

    def view() -> View:
        return build().view

    def page() -> str:
        return str(env.page.file.src_uri)

    @env.macro
    def document_count() -> int:
        """Số văn bản trong kho."""
        return len(view().repo.entries)

    @env.macro
    def doc_link(ref: str, org: str | None = None, text: str | None = None) -> str:
        """Liên kết tới văn bản theo số hiệu («21-NQ/TW») hoặc khóa; org= khi số hiệu trùng."""
        return macros_api.doc_link(view(), page(), ref, org, text)

    @env.macro
    def task_table(
        org: str | None = None,
        unit: str | None = None,
        year: int | None = None,
        status: str | None = "open",
        include_archived: bool = False,
    ) -> str:
        """Bảng nhiệm vụ, lọc theo tổ chức, đơn vị, năm của thời hạn, tình trạng."""
        return macros_api.task_table(view(), page(), build().as_of, org, unit, year, status, include_archived)

    @env.macro
    def upcoming_deadlines(days: int = 30) -> str:
        """Các nhiệm vụ đang mở đến hạn trong `days` ngày tới (kể cả đã quá hạn)."""
        return macros_api.upcoming(view(), page(), build().as_of, days)

    @env.macro
    def due_now(days: int = 30) -> str:
        """Nhiệm vụ quá hạn và đến hạn trong `days` ngày, tính theo ngày của người đọc (trang chủ)."""
        return home.due_now(view(), page(), build().as_of, days)

    @env.macro
    def latest_documents(count: int = 8) -> str:
        """Các văn bản mới nhất theo ngày ban hành."""
        return home.latest_documents(view(), page(), count)

    @env.macro
    def organizations_overview() -> str:
        """Mỗi tổ chức: văn bản, nhiệm vụ đang mở, đơn vị."""
        return home.organizations(view(), page())

    @env.macro
    def downloads() -> str:
        """Danh sách tệp tải về: lịch .ics (chung, theo tổ chức, theo đơn vị), bảng nhiệm vụ .csv, registry.json."""
        return macros_api.downloads(view(), page())


def on_pre_page_macros(env: Any) -> None:
    """Render the page's macros here, in a sandbox that offers the documented macros and the page's own front
    matter only; then tell mkdocs-macros the page is done, so its unsandboxed Jinja2 never sees it.
    A mistake stops the build with file, line and a hint, not a traceback."""
    page, render = env.page, env.page.meta.get("render_macros")
    if render is False or not (
        render or env.config["render_by_default"] or env.force_page_rendering(page.file.src_path)
    ):
        return
    documented = {name: f for name, f in env.macros.items() if getattr(f, "__module__", None) == __name__}
    output, problem = render_page(documented, env.markdown, dict(page.meta))
    if problem is not None:
        file_text = Path(page.file.abs_src_path).read_text(encoding="utf-8") if page.file.abs_src_path else ""
        line = source_line(file_text, env.markdown, problem.line)
        where = f"docs/{page.file.src_uri}" + (f":{line}" if line else "")
        raise PluginError(f"{where}: {problem.message} {problem.hint}".strip())
    env.markdown = output
    # mkdocs-macros reads the flag from its own copy of the page, which shares this meta dictionary
    page.meta["render_macros"] = False
