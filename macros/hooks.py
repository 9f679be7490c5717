"""MkDocs hooks: one generated page per repository document (content lives outside docs/).

The hooks are the methods of one `KehoachSite`, which holds the build's state (a `SiteBuild`) the way
MkDocs' own search plugin holds its index. MkDocs imports this file once per run and calls `on_config`
for every build (each `mkdocs serve` rebuild), so every build starts with a new `SiteBuild`.

A publishing build (`make site`) stops on any error, naming each; a preview (`extra: kehoach: preview: true`)
and `mkdocs serve` go on and show the errors on the pages instead (kehoach/site/problems.py).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Literal

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import CountHandler

from kehoach.findings import SEVERITY_VI, Code, Finding
from kehoach.model.repository import CONTENT_PATHS
from kehoach.model.writing import OutsideFolder, StagedFolder, relative_name
from kehoach.site import (
    CONFIG_KEY,
    INTERNAL_BANNER,
    INTERNAL_LOG,
    SiteBuild,
    SiteOptions,
    SiteOptionsError,
    build_date,
    site_options,
)
from kehoach.site.disk import link_files
from kehoach.site.feed_links import feed_links
from kehoach.site.incremental import PageMemory
from kehoach.site.mermaid import with_mermaid
from kehoach.site.problems import preview_banner

log = logging.getLogger("mkdocs.plugins.kehoach")
# The macros plugin lists its functions and variables on every build: not for the people reading the log.
logging.getLogger("mkdocs.plugins.mkdocs_macros").setLevel(logging.WARNING)


class StagedFolderName(logging.Filter):
    """MkDocs names the folder it writes into, here a temporary one beside the site: the log names the site
    folder itself once the build is in place instead."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("Building documentation to directory")


class DeliberateDirtyBuild(logging.Filter):
    """`make serve` rebuilds dirty on purpose: which generated pages changed is known exactly (PageMemory) and
    the menu holds only fixed index pages, so MkDocs' warning about stale navigation does not apply (and in
    strict mode it would stop every rebuild)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("A 'dirty' build is being performed")


logging.getLogger("mkdocs.commands.build").addFilter(StagedFolderName())
logging.getLogger("mkdocs.commands.build").addFilter(DeliberateDirtyBuild())


def described(f: Finding) -> str:
    return f"{f.location}: {SEVERITY_VI[f.severity]} {f.code}: {f.message}" + (f" → {f.hint}" if f.hint else "")


class KehoachSite:
    def __init__(self) -> None:
        self.build: SiteBuild | None = None
        self.options = SiteOptions()
        self.serving = False
        self.dirty = False
        self.staged: StagedFolder | None = None
        self.memory = PageMemory()  # what the last build of a serving session wrote (kehoach/site/incremental.py)
        self.builds = 0

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.serving = command == "serve"  # a writer's preview: broken documents shown, not fatal
        self.dirty = dirty

    @property
    def preview(self) -> bool:
        return self.options.preview or self.serving

    def on_config(self, config: MkDocsConfig, **kwargs: Any) -> MkDocsConfig:
        config_file = Path(config["config_file_path"])
        try:  # the audience and the preview come from the configuration file, never from the environment
            self.options = site_options(config["extra"])
        except SiteOptionsError as e:
            raise PluginError(f"{config_file.name}: {e}") from None
        if self.options.internal:
            log.info(INTERNAL_LOG, config_file.name)
        if not self.serving and not self.dirty:
            # Built beside the site folder under a name of its own, then swapped in whole: two builds at once
            # never clean or write each other's files, and a reader never sees half a site.
            self.staged = StagedFolder(Path(config["site_dir"]))
            config["site_dir"] = str(self.staged.path)
        root = config_file.parent
        self.build = SiteBuild(
            root, build_date(), self.options.internal, self.options.forge, config.get("site_url") or None
        )
        config[CONFIG_KEY] = self.build
        for name in CONTENT_PATHS:  # `mkdocs serve` reloads when content changes
            if (root / name).exists() and str(root / name) not in config["watch"]:
                config["watch"].append(str(root / name))
        return config

    @property
    def incremental(self) -> bool:
        """A serving session rebuilding dirty (`make serve`): only what an edit changed is rendered again."""
        return self.serving and self.dirty

    def on_files(self, files: Files, config: MkDocsConfig, **kwargs: Any) -> Files:
        assert self.build is not None
        self.check_errors()
        self.builds += 1
        if self.incremental:
            pages, changed = self.build.rebuild(self.memory, self.preview)
            for file in files.documentation_pages():
                # hand-written pages call macros over the whole repository: always rendered again (a few)
                setattr(file, "is_modified", lambda: True)  # noqa: B010  (an instance's answer, not the class's)
        else:
            pages, changed = self.build.pages(preview=self.preview), None
        for path, text in pages.items():
            try:  # a page's path is made of keys: it must stay inside the site, whatever they say
                relative_name(path)
            except OutsideFolder as e:
                raise PluginError(f"kehoach: trang «{path[:60]}» không được tạo: {e}") from None
            file = File.generated(config, path, content=text)
            if changed is not None and path not in changed:
                setattr(file, "is_modified", lambda: False)  # noqa: B010  (unchanged: the page on disk stands)
            files.append(file)
        if changed is not None and self.builds > 1:
            log.info("kehoach: dựng lại %d trang có thay đổi.", len(changed))
        return files

    def check_errors(self) -> None:
        """Every error named in the log; a publishing build then stops, a preview goes on."""
        assert self.build is not None
        for f in self.build.result.findings:
            if f.code == Code.R110:  # a stale federated registry: an intranet build must keep working
                log.info("%s: %s", f.location, f.message)
        errors = self.build.errors
        if not errors:
            return
        if self.preview:
            log.info("kehoach: bản xem trước: kho còn %d lỗi, hiện trên các trang (danh sách: loi/):", len(errors))
            for f in errors:
                log.info("kehoach: %s", described(f))
            return
        for f in errors:
            log.error("kehoach: %s", described(f))
        raise PluginError(
            f"kehoach: kho còn {len(errors)} lỗi (liệt kê ở trên): bản công khai không được dựng khi còn lỗi. "
            "Sửa theo hướng dẫn ở từng dòng, hoặc ghi nhận (acknowledgements) nếu bản gốc đúng như vậy; "
            "xem trước bằng «make serve»."
        )

    def on_page_markdown(self, markdown: str, page: Page, **kwargs: Any) -> str:
        """Every page of the internal site says so on top; every page of a preview with errors points to them."""
        assert self.build is not None
        if self.preview and self.build.errors:
            markdown = preview_banner(page.file.src_uri, len(self.build.errors)) + markdown
        return INTERNAL_BANNER + markdown if self.options.internal else markdown

    def on_post_page(self, output: str, page: Page, **kwargs: Any) -> str:
        """Every page announces the feeds of new and changed documents (kehoach/site/feed_links.py)."""
        assert self.build is not None
        return output.replace("</head>", feed_links(page.file.src_uri, self.build.view) + "</head>", 1)

    def on_page_content(self, html: str, page: Page, **kwargs: Any) -> str:
        """A hand-written page drawing a ```mermaid diagram loads the site's own Mermaid; no generated page does."""
        return with_mermaid(html, page.file.src_uri) if page.file.generated_by is None else html

    def on_post_build(self, config: MkDocsConfig, **kwargs: Any) -> None:
        """Once the site is written: the search index and the downloads (calendars, registry, tasks); then the
        finished site replaces the old one, unless strict mode is about to fail the build for a warning."""
        assert self.build is not None
        if self.incremental and self.builds > 1:
            # the search index and the downloads take longer than the pages: a session keeps its first ones
            log.info("kehoach: tìm kiếm và tệp tải về giữ bản của lần dựng đầu («make site» dựng lại đủ).")
            return
        self.build.write_outputs(Path(config["site_dir"]), config.get("site_url") or None)
        if self.options.open_from_disk:
            link_files(Path(config["site_dir"]))
        if self.staged is not None and not strict_warnings(config):
            self.staged.publish()
            config["site_dir"] = str(self.staged.target)  # for what runs after the build (gh-deploy)
            log.info("kehoach: trang web đã dựng xong trong thư mục %s/", self.staged.target.name)
            self.staged = None

    def on_build_error(self, error: Exception, **kwargs: Any) -> None:
        """A failed build leaves the last site as it was, and no half-built folder beside it."""
        if self.staged is not None:
            self.staged.discard()
            self.staged = None


def strict_warnings(config: MkDocsConfig) -> bool:
    """Whether MkDocs will stop this build for warnings in strict mode, right after post_build."""
    counters = [h for h in logging.getLogger("mkdocs").handlers if isinstance(h, CountHandler)]
    return bool(config["strict"]) and any(h.get_counts() for h in counters)


_site = KehoachSite()
on_startup = _site.on_startup
on_config = _site.on_config
on_files = _site.on_files
on_page_markdown = _site.on_page_markdown
on_post_page = _site.on_post_page
on_page_content = _site.on_page_content
on_post_build = _site.on_post_build
on_build_error = _site.on_build_error
